package jp.jukiflow.pin;

import static jp.jukiflow.support.Towns.asClerk;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static jp.jukiflow.card.PinTestCards.PIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jukiflow.support.JukiflowTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.PinTestCards;
import jp.jukiflow.support.WithoutIdentifiers;

/** The PIN request API and the PIN pad pages over MockMvc: login, CSRF, tenant, no-store, and no PIN in the logs. */
@JukiflowTest
@ExtendWith(OutputCaptureExtension.class)
class PinPadWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher hasher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    LoggingSystem logging;

    String card;

    @BeforeEach
    void freshCard() {
        card = PinTestCards.newCard(cards, jdbc, hasher, OKUSHIRI);
    }

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
        PinTestCards.retireAll(jdbc);
    }

    String openRequest() throws Exception {
        MvcResult result = mvc.perform(post("/staff/pin-requests").with(asClerk(OKUSHIRI)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cardNumber\":\"" + card + "\",\"purpose\":\"SPECIAL_TRANSFER_IN\",\"reference\":\"t-1\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.pinPadUrl").value(Matchers.startsWith("/staff/pin-pad/")))
                .andReturn();
        return json.readTree(result.getResponse().getContentAsString()).get("id").asText();
    }

    @Test
    void openingARequestNeedsLoginAndCsrf() throws Exception {
        String body = "{\"cardNumber\":\"" + card + "\",\"purpose\":\"SPECIAL_TRANSFER_IN\"}";
        mvc.perform(post("/staff/pin-requests").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(Matchers.oneOf(302, 401)));
        mvc.perform(post("/staff/pin-requests").with(asClerk(OKUSHIRI)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/pin-requests").with(asClerk(OKUSHIRI)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cardNumber\":\"NO-SUCH\",\"purpose\":\"SPECIAL_TRANSFER_IN\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("CARD_NOT_FOUND"));
    }

    @Test
    void aSuspendedCardGetsNoRequestButAProblemWithTheStableCodeAndTheAlternative() throws Exception {
        jdbc.sql("update card set status = 'SUSPENDED' where card_number = ?").param(card).update();
        mvc.perform(post("/staff/pin-requests").with(asClerk(OKUSHIRI)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cardNumber\":\"" + card + "\",\"purpose\":\"WIDE_AREA_COPY\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("CARD_SUSPENDED"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("運転免許証・パスポートなど写真付きの本人確認書類")));
        assertThat(jdbc.sql("select count(*) from pin_request where card_number = ?").param(card).query(Integer.class)
                .single()).isZero();
        mvc.perform(post("/staff/pin-requests").with(asClerk(OKUSHIRI)).with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("cardNumber", card).param("purpose", "WIDE_AREA_COPY"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("一時停止中")));
    }

    @Test
    void aCardSuspendedAfterTheRequestGetsNoKeypadButTheReasonAndTheAlternative() throws Exception {
        String id = openRequest();
        jdbc.sql("update card set status = 'SUSPENDED' where card_number = ?").param(card).update();
        String page = mvc.perform(get("/staff/pin-pad/" + id).with(asClerk(OKUSHIRI)))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"card-unusable\"", "data-code=\"CARD_SUSPENDED\"", "一時停止中",
                "通常の転入（転出元の市区町村が交付する紙の転出証明書").doesNotContain("pin-keys", "data-digit");
        // a PIN sent anyway is neither checked nor counted
        mvc.perform(post("/staff/pin-pad/" + id).with(asClerk(OKUSHIRI)).with(csrf()).param("pin", PIN))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("一時停止中")));
        assertThat(cards.find(card).orElseThrow().pin().consecutiveFailures()).isZero();
        mvc.perform(get("/staff/pin-requests/" + id).with(asClerk(OKUSHIRI)))
                .andExpect(jsonPath("$.state").value("PENDING"));
    }

    @Test
    void thePadIsAPageOfItsOwnWithoutTheHoldersName() throws Exception {
        String id = openRequest();
        mvc.perform(get("/staff/pin-pad/" + id).accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrl("http://localhost/login"));
        String page = mvc.perform(get("/staff/pin-pad/" + id).with(asClerk(OKUSHIRI)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andExpect(content().string(Matchers.containsString("暗証番号（数字4桁）を入力してください")))
                .andExpect(content().string(Matchers.containsString("あと <strong>3</strong> 回")))
                .andReturn().getResponse().getContentAsString();
        String holder = cards.find(card).orElseThrow().holderResidentCode();
        String family = jdbc.sql("select family_name from resident where resident_code = ?").param(holder)
                .query(String.class).single();
        assertThat(page).doesNotContain(family).doesNotContain(card).doesNotContain(holder)
                .doesNotContain("localStorage").doesNotContain("sessionStorage").doesNotContain("document.cookie");
        // the pad's script (served beside the page) keeps the digits in memory only
        assertThat(mvc.perform(get("/js/pinpad.js").with(asClerk(OKUSHIRI))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("pin-form")
                .doesNotContain("localStorage").doesNotContain("sessionStorage").doesNotContain("document.cookie");
        mvc.perform(get("/staff/pin-pad/" + id).with(asClerk(HAKODATE))).andExpect(status().isForbidden());
    }

    @Test
    void thePinIsPostedWithCsrfAndOnlyTheOutcomeIsReadable() throws Exception {
        String id = openRequest();
        mvc.perform(post("/staff/pin-pad/" + id).with(asClerk(OKUSHIRI)).param("pin", PIN))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/pin-pad/" + id).with(asClerk(OKUSHIRI)).with(csrf()).param("pin", "1357"))
                .andExpect(redirectedUrl("/staff/pin-pad/" + id + "/result"));
        mvc.perform(get("/staff/pin-pad/" + id + "/result").with(asClerk(OKUSHIRI)))
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andExpect(content().string(Matchers.containsString("暗証番号が違います。あと 2 回まちがえるとロックされます")));
        mvc.perform(get("/staff/pin-requests/" + id).with(asClerk(OKUSHIRI)))
                .andExpect(jsonPath("$.state").value("WRONG")).andExpect(jsonPath("$.attemptsLeft").value(2));

        mvc.perform(post("/staff/pin-pad/" + id).with(asClerk(OKUSHIRI)).with(csrf()).param("pin", "12"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("半角数字4桁")));

        mvc.perform(post("/staff/pin-pad/" + id).with(asClerk(OKUSHIRI)).with(csrf()).param("pin", PIN))
                .andExpect(redirectedUrl("/staff/pin-pad/" + id + "/result"));
        mvc.perform(get("/staff/pin-pad/" + id + "/result").with(asClerk(OKUSHIRI)))
                .andExpect(content().string(Matchers.containsString("確認できました")));
        String status = mvc.perform(get("/staff/pin-requests/" + id).with(asClerk(OKUSHIRI)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andExpect(jsonPath("$.state").value("OK"))
                .andReturn().getResponse().getContentAsString();
        assertThat(WithoutIdentifiers.of(status)).doesNotContain(PIN);
        mvc.perform(get("/staff/pin-requests/" + id).with(asClerk(HAKODATE))).andExpect(status().isForbidden());
        // a completed request shows its result instead of the pad
        mvc.perform(get("/staff/pin-pad/" + id).with(asClerk(OKUSHIRI)))
                .andExpect(redirectedUrl("/staff/pin-pad/" + id + "/result"));
    }

    @Test
    void lockedAfterThreeWrongEntriesOnThePad() throws Exception {
        String id = openRequest();
        for (String wrong : List.of("1111", "2222", "3333")) {
            mvc.perform(post("/staff/pin-pad/" + id).with(asClerk(OKUSHIRI)).with(csrf()).param("pin", wrong));
        }
        mvc.perform(get("/staff/pin-pad/" + id + "/result").with(asClerk(OKUSHIRI)))
                .andExpect(content().string(Matchers.containsString("カードがロックされました")));
        JsonNode state = json.readTree(mvc.perform(get("/staff/pin-requests/" + id).with(asClerk(OKUSHIRI)))
                .andReturn().getResponse().getContentAsString());
        assertThat(state.get("state").asText()).isEqualTo("LOCKED");
        assertThat(state.get("attemptsLeft").asInt()).isZero();
    }

    @Test
    void theClerksFormOpensThePad() throws Exception {
        mvc.perform(get("/staff/pin-requests/new").with(asClerk(OKUSHIRI)))
                .andExpect(content().string(Matchers.containsString("暗証番号の入力依頼")));
        mvc.perform(post("/staff/pin-requests").with(asClerk(OKUSHIRI)).with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("cardNumber", card).param("purpose", "IDENTITY_CHECK"))
                .andExpect(header().string("Location", Matchers.startsWith("/staff/pin-pad/")));
        String hakodateCard = PinTestCards.newCard(cards, jdbc, hasher, HAKODATE);
        mvc.perform(post("/staff/pin-requests").with(asClerk(OKUSHIRI)).with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("cardNumber", hakodateCard).param("purpose", "IDENTITY_CHECK"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("他の市区町村")));
    }

    @Test
    void thePinNeverReachesTheLogs(CapturedOutput output) throws Exception {
        String[] loggers = {"org.springframework.web", "org.springframework.security", "org.apache.catalina",
                "org.apache.coyote", "jp.jukiflow", "org.camunda"};
        for (String logger : loggers) {
            logging.setLogLevel(logger, LogLevel.TRACE);
        }
        String id;
        try {
            id = openRequest();
            mvc.perform(post("/staff/pin-pad/" + id).with(asClerk(OKUSHIRI)).with(csrf()).param("pin", "8531"));
            mvc.perform(post("/staff/pin-pad/" + id).with(asClerk(OKUSHIRI)).with(csrf()).param("pin", "85x1"));
            mvc.perform(post("/staff/pin-pad/" + id).with(asClerk(OKUSHIRI)).with(csrf()).param("pin", PIN));
        } finally {
            for (String logger : loggers) {
                logging.setLogLevel(logger, null);
            }
        }
        String logs = WithoutIdentifiers.of(output.getAll());
        assertThat(logs).as("the request was logged at TRACE").contains("/staff/pin-pad/");
        assertThat(logs).doesNotContain("8531").doesNotContain("85x1").doesNotContain("pin=" + PIN)
                .doesNotContain(PIN);
    }
}
