package jp.jukiflow.intake.api;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.jukiflow.support.ClientAddress;
import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;

/** The public transfer-out API: a valid request gets a receipt number; each bad input a 400 naming the field. */
@JukiflowTest
class TransferOutRequestApiTest {

    static final String URL = "/api/v1/municipalities/013676/transfer-out-requests";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
    static final byte[] PDF = "%PDF-1.4\n%test".getBytes();

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate http;

    ObjectNode valid;

    @BeforeEach
    void aValidRequest() {
        valid = json.createObjectNode();
        valid.put("plannedMoveOutDate", "2026-12-03");
        valid.putNull("movedOn");
        ObjectNode filer = valid.putObject("filer");
        filer.put("name", "奥尻 太郎");
        filer.put("nameKana", "オクシリ タロウ");
        filer.put("birthDate", "1980-04-01");
        filer.put("relation", "本人");
        valid.put("currentAddress", "北海道奥尻郡奥尻町字奥尻1番地");
        valid.put("headOfHousehold", "奥尻 太郎");
        ObjectNode newAddress = valid.putObject("newAddress");
        newAddress.put("municipalityCode", HAKODATE);
        newAddress.put("address", "北海道函館市五稜郭町1番1号");
        valid.put("newHeadOfHousehold", "奥尻 太郎");
        ObjectNode mover = valid.putArray("movers").addObject();
        mover.put("name", "奥尻 太郎");
        mover.put("nameKana", "オクシリ タロウ");
        mover.put("birthDate", "1980-04-01");
        mover.put("sex", "男");
        mover.put("relationship", "世帯主");
        valid.put("cardHolderIndex", 0);
        valid.put("cardType", "MY_NUMBER");
        valid.put("continuedUse", true);
        valid.put("phone", "01397-2-3111");
        valid.put("email", "taro@mail.example");
    }

    @Test
    void validRequestGetsAReceiptNumberAndItsStatusCanBeFollowed() throws Exception {
        String body = mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(valid.toString()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern("/api/v1/requests/013676-2026-\\d{6}")))
                .andExpect(jsonPath("$.receiptNumber", matchesPattern("013676-2026-\\d{6}")))
                .andExpect(jsonPath("$.statusLabel", is("受付済み")))
                .andReturn().getResponse().getContentAsString();
        String receipt = json.readTree(body).get("receiptNumber").asText();
        // the status link under the configured public URL (application-test.yml), not the request's host
        assertThat(json.readTree(body).get("statusUrl").asText()).isEqualTo("https://juki.example.lg.jp/portal/requests/" + receipt);

        mvc.perform(get("/api/v1/requests/" + receipt).param("birthDate", "1980-04-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.procedure", is("郵送による特例転出")))
                .andExpect(jsonPath("$.status.code", is("RECEIVED")))
                .andExpect(jsonPath("$.status.label", is("受付済み")));
        // wrong dates count per client: from a client of this test's own (the shared context keeps the counts)
        RequestPostProcessor client = ClientAddress.from(ClientAddress.fresh());
        String wrongBirth = mvc.perform(get("/api/v1/requests/" + receipt).with(client).param("birthDate", "1980-04-02"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String unknown = mvc.perform(get("/api/v1/requests/013676-2026-999998").with(client).param("birthDate", "1980-04-01"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(wrongBirth).get("detail")).isEqualTo(json.readTree(unknown).get("detail"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGivesTheFirstAnswerAndNoSecondCase() throws Exception {
        long before = cases();
        String first = mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "retry-1")
                .content(valid.toString())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "retry-1")
                .content(valid.toString())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(second).get("receiptNumber")).isEqualTo(json.readTree(first).get("receiptNumber"));
        assertThat(cases()).isEqualTo(before + 1);
    }

    @Test
    void hiraganaAndHalfWidthReadingsAreNormalised() throws Exception {
        ((ObjectNode) valid.get("filer")).put("nameKana", "おくしり たろう");
        ((ObjectNode) valid.get("movers").get(0)).put("nameKana", "ｵｸｼﾘ ﾀﾛｳ");
        mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(valid.toString()))
                .andExpect(status().isCreated());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing planned date      | plannedMoveOutDate          | REQUIRED",
            "impossible date           | plannedMoveOutDate          | INVALID_DATE",
            "planned date too far ahead| plannedMoveOutDate          | PLANNED_DATE_TOO_EARLY",
            "past plan, no move date   | movedOn                     | MOVED_ON_REQUIRED",
            "future move date          | movedOn                     | DATE_IN_FUTURE",
            "future birth date         | filer.birthDate             | DATE_IN_FUTURE",
            "latin reading             | filer.nameKana              | KANA_INVALID",
            "over-long name            | filer.name                  | TOO_LONG",
            "control character         | currentAddress              | CONTROL_CHARACTERS",
            "wrong check digit         | newAddress.municipalityCode | LOCAL_GOVERNMENT_CODE_CHECK_DIGIT",
            "more than 10 movers       | movers                      | TOO_MANY_MOVERS",
            "no movers                 | movers                      | NO_MOVERS",
            "unknown sex               | movers[0].sex               | INVALID_CHOICE",
            "unknown card type         | cardType                    | INVALID_CHOICE",
            "card holder out of range  | cardHolderIndex             | CARD_HOLDER_INDEX",
            "bad e-mail                | email                       | INVALID_EMAIL",
    })
    void badInputIsRefusedFieldByFieldAndNothingIsStored(String name, String field, String code) throws Exception {
        breaks(name).accept(valid);
        long before = cases();
        mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(valid.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code", is("INVALID_REQUEST")))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)))
                .andExpect(jsonPath("$.errors[*].code", hasItem(code)));
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void everyErrorIsReportedAtOnceInJapanese() throws Exception {
        valid.put("plannedMoveOutDate", "2026-02-30");
        ((ObjectNode) valid.get("filer")).put("nameKana", "Okushiri");
        String body = mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(valid.toString()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        JsonNode errors = json.readTree(body).get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("message").asText()).contains("転出予定日", "正しい日付ではありません");
    }

    @Test
    void wrongContentTypeAndBrokenJsonAreRefused() throws Exception {
        mvc.perform(post(URL).contentType(MediaType.TEXT_PLAIN).content("転出します"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code", is("UNSUPPORTED_MEDIA_TYPE")));
        mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content("{\"plannedMoveOutDate\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code", is("MALFORMED_JSON")));
        mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content("{\"movers\": 3}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code", is("MALFORMED_JSON")));
    }

    @Test
    void unknownOrMalformedMunicipality() throws Exception {
        mvc.perform(post("/api/v1/municipalities/131016/transfer-out-requests").contentType(MediaType.APPLICATION_JSON)
                .content(valid.toString())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code", is("MUNICIPALITY_NOT_FOUND")));
        mvc.perform(post("/api/v1/municipalities/01367/transfer-out-requests").contentType(MediaType.APPLICATION_JSON)
                .content(valid.toString())).andExpect(status().isBadRequest());
    }

    @Test
    void multipartWithCopiesOfCardAndId() throws Exception {
        String body = mvc.perform(multipart(URL).file(request())
                        .file(new MockMultipartFile("attachments", "card.png", "image/png", PNG))
                        .file(new MockMultipartFile("attachments", "id.pdf", "application/pdf", PDF)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String receipt = json.readTree(body).get("receiptNumber").asText();
        assertThat(jdbc.sql("select count(*) from case_document where receipt_number = ?").param(receipt)
                .query(Long.class).single()).isEqualTo(2L);
    }

    @Test
    void odditiesInFileNamesAreCleanedBeforeStoring() throws Exception {
        String longName = "C:\\fakepath\\" + "長".repeat(300) + "\u202E.png";
        String body = mvc.perform(multipart(URL).file(request())
                        .file(new MockMultipartFile("attachments", longName, "image/png", PNG)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String stored = jdbc.sql("select file_name from case_document where receipt_number = ?")
                .param(json.readTree(body).get("receiptNumber").asText()).query(String.class).single();
        assertThat(stored).hasSize(100).endsWith(".png").doesNotContain("fakepath", "\u202E");
    }

    @Test
    void uploadsOfTheWrongKindOrTooManyAreRefused() throws Exception {
        long before = cases();
        mvc.perform(multipart(URL).file(request())
                        .file(new MockMultipartFile("attachments", "note.txt", "text/plain", "hello".getBytes())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code", is("FILE_TYPE")));
        mvc.perform(multipart(URL).file(request())
                        .file(new MockMultipartFile("attachments", "fake.pdf", "application/pdf", "not a pdf".getBytes())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code", is("FILE_TYPE")));
        var sixFiles = multipart(URL).file(request());
        for (int i = 0; i < 6; i++) {
            sixFiles.file(new MockMultipartFile("attachments", "p" + i + ".png", "image/png", PNG));
        }
        mvc.perform(sixFiles).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code", is("TOO_MANY_FILES")));
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void aTransferOutToTheOriginItselfIsRefusedPointingToTheInTownMoveAndConsumesNoNumber() throws Exception {
        ((ObjectNode) valid.get("newAddress")).put("municipalityCode", OKUSHIRI);
        long before = cases();
        long numbers = receiptNumbersDrawn();
        mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "to-origin-1")
                        .content(valid.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field", is("newAddress.municipalityCode")))
                .andExpect(jsonPath("$.errors[0].code", is("TRANSFER_OUT_TO_ORIGIN")))
                .andExpect(jsonPath("$.errors[0].message", org.hamcrest.Matchers.containsString("転居届")));
        assertThat(cases()).isEqualTo(before);
        assertThat(receiptNumbersDrawn()).isEqualTo(numbers);
    }

    private long receiptNumbersDrawn() {
        return jdbc.sql("select coalesce(sum(last_value), 0) from receipt_sequence").query(Long.class).single();
    }

    @Test
    void anOversizeFileIs413() {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders jsonPart = new HttpHeaders();
        jsonPart.setContentType(MediaType.APPLICATION_JSON);
        parts.add("request", new HttpEntity<>(valid.toString(), jsonPart));
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        parts.add("attachments", new ByteArrayResource(big) {
            @Override
            public String getFilename() {
                return "big.pdf";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        long before = cases();
        ResponseEntity<String> response = http.postForEntity(URL, new HttpEntity<>(parts, headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getBody()).contains("PAYLOAD_TOO_LARGE", "10MB");
        assertThat(cases()).isEqualTo(before);
    }

    private MockMultipartFile request() {
        return new MockMultipartFile("request", "", "application/json", valid.toString().getBytes());
    }

    private long cases() {
        return jdbc.sql("select count(*) from case_status").query(Long.class).single();
    }

    private static Consumer<ObjectNode> breaks(String name) {
        return switch (name.strip()) {
            case "missing planned date" -> r -> r.remove("plannedMoveOutDate");
            case "impossible date" -> r -> r.put("plannedMoveOutDate", "2026-02-30");
            case "planned date too far ahead" -> r -> r.put("plannedMoveOutDate", "2027-03-01");
            case "past plan, no move date" -> r -> r.put("plannedMoveOutDate", "2026-11-20");
            case "future move date" -> r -> r.put("movedOn", "2026-12-01");
            case "future birth date" -> r -> ((ObjectNode) r.get("filer")).put("birthDate", "2030-01-01");
            case "latin reading" -> r -> ((ObjectNode) r.get("filer")).put("nameKana", "Okushiri Taro");
            case "over-long name" -> r -> ((ObjectNode) r.get("filer")).put("name", "奥".repeat(51));
            case "control character" -> r -> r.put("currentAddress", "奥尻町\u0007字奥尻");
            case "wrong check digit" -> r -> ((ObjectNode) r.get("newAddress")).put("municipalityCode", "012026");
            case "more than 10 movers" -> r -> {
                ArrayNode movers = (ArrayNode) r.get("movers");
                for (int i = 0; i < 10; i++) {
                    movers.add(movers.get(0).deepCopy());
                }
            };
            case "no movers" -> r -> r.putArray("movers");
            case "unknown sex" -> r -> ((ObjectNode) r.get("movers").get(0)).put("sex", "X");
            case "unknown card type" -> r -> r.put("cardType", "PASSPORT");
            case "card holder out of range" -> r -> r.put("cardHolderIndex", 3);
            case "bad e-mail" -> r -> r.put("email", "taro@");
            default -> throw new IllegalArgumentException(name);
        };
    }
}
