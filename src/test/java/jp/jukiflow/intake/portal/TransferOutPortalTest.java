package jp.jukiflow.intake.portal;

import static jp.jukiflow.support.Towns.CHIYODA;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jukiflow.cases.CaseDocument;
import jp.jukiflow.cases.CaseRegistry;
import jp.jukiflow.cases.CaseStatus;
import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The resident portal's transfer-out form (MockMvc, and real HTTP where Tomcat's multipart limits matter). The clock
 * is pinned to 2026-11-26 10:00 JST.
 */
@JukiflowTest
class TransferOutPortalTest {

    static final String FORM = "/portal/013676/transfer-out";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final Pattern RECEIPT = Pattern.compile("id=\"receipt-number\">(013676-2026-\\d{6})<");

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseRegistry cases;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    /** A complete, valid request of one mover (the filer himself) to 函館市. */
    static Map<String, String> valid() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("submissionToken", TransferOutPortal.newToken());
        p.put("rows", "4");
        p.put("plannedMoveOutDate", "2026-12-05");
        p.put("filer.name", "奥尻 太郎");
        p.put("filer.nameKana", "オクシリ タロウ");
        p.put("filer.birthDate", "1980-04-01");
        p.put("filer.relation", "本人");
        p.put("currentAddress", "北海道奥尻郡奥尻町字奥尻1番地");
        p.put("headOfHousehold", "奥尻 太郎");
        p.put("newAddress.municipalityCode", HAKODATE);
        p.put("newAddress.address", "北海道函館市東雲町4番13号");
        p.put("newHeadOfHousehold", "奥尻 太郎");
        p.put("movers[0].name", "奥尻 太郎");
        p.put("movers[0].nameKana", "オクシリ タロウ");
        p.put("movers[0].birthDate", "1980-04-01");
        p.put("movers[0].sex", "男");
        p.put("movers[0].relationship", "世帯主");
        p.put("cardHolder", "1");
        p.put("cardType", "MY_NUMBER");
        p.put("continuedUse", "true");
        p.put("phone", "01397-2-3111");
        p.put("email", "taro@example.jp");
        return p;
    }

    static Map<String, String> with(Map<String, String> params, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    MockMultipartHttpServletRequestBuilder submit(Map<String, String> params, MockMultipartFile... files) {
        return submitTo(FORM, params, files);
    }

    static MockMultipartHttpServletRequestBuilder submitTo(String url, Map<String, String> params, MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder request = multipart(url);
        params.forEach(request::param);
        for (MockMultipartFile f : files) {
            request.file(f);
        }
        request.with(csrf());
        return request;
    }

    String html(MvcResult result) throws Exception {
        // attributes wrapped over lines become one line, so that assertions read like the markup
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    }

    long caseCount() {
        return jdbc.sql("select count(*) from case_status").query(Long.class).single();
    }

    /** The text of an input's error block ({@code <div id="…-error">}), or null. */
    static String errorAt(String html, String inputId) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(inputId) + "-error\">(.*?)</div>", Pattern.DOTALL).matcher(html);
        return m.find() ? m.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip() : null;
    }

    static String receiptNumber(String html) {
        Matcher m = RECEIPT.matcher(html);
        assertThat(m.find()).as("receipt number on the page").isTrue();
        return m.group(1);
    }

    // ---------------------------------------------------------------- the form

    @Test
    void formIsJapaneseAndHasEveryField() throws Exception {
        String page = html(mvc.perform(get(FORM)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("lang=\"ja\"", "転出届（郵送による特例転出）", "北海道奥尻町", "奥尻町役場 本庁",
                "enctype=\"multipart/form-data\"", "name=\"_csrf\"", "name=\"submissionToken\"", "novalidate",
                "転出予定日", "転出日（すでに転出した場合のみ）", "届出人", "フリガナ", "生年月日", "転出する人との関係",
                "本人", "世帯員", "代理人", "現住所", "現在の世帯主の氏名", "転出先の市区町村コード（6桁）", "国外へ転出する場合は空欄",
                "新しい住所", "新しい世帯主の氏名", "異動者1", "異動者4", "性別", "続柄", "カードを持っている異動者",
                "カードの種類", "マイナンバーカード", "住基カード", "継続利用", "日中に連絡がとれる電話番号", "メールアドレス",
                "カードの写し（表面・裏面）", "本人確認書類の写し", "異動者の欄を増やす", "届出を送信する");
        assertThat(page).doesNotContain("<script", "error-summary");
        // every input has a label bound to it, and its hint is announced with it
        for (String name : List.of("plannedMoveOutDate", "movedOn", "filer.name", "filer.nameKana", "filer.birthDate",
                "currentAddress", "headOfHousehold", "newAddress.municipalityCode", "newAddress.address",
                "newHeadOfHousehold", "movers[0].name", "movers[3].relationship", "phone", "email")) {
            String id = name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
            assertThat(page).as(name).contains("<label for=\"" + id + "\">", "id=\"" + id + "\" name=\"" + name + "\"");
        }
        assertThat(page).contains("aria-describedby=\"plannedMoveOutDate-hint\"", "aria-describedby=\"newAddress-municipalityCode-hint\"");
        for (String radio : List.of("filer-relation-1", "movers-0-sex-2", "cardHolder-4", "cardType-1", "continuedUse-2")) {
            assertThat(page).as(radio).contains("id=\"" + radio + "\"", "<label for=\"" + radio + "\"");
        }
        assertThat(page).contains("name=\"movers[3].name\"").doesNotContain("name=\"movers[4].name\"");
        for (String file : List.of("cardCopy", "idCopy", "otherDocuments")) {
            assertThat(page).contains("type=\"file\" id=\"" + file + "\" name=\"" + file + "\" multiple accept=\".pdf,.jpg,.jpeg,.png");
        }
    }

    @Test
    void rowsParameterShowsMoreRowsButNeverMoreThanTen() throws Exception {
        assertThat(html(mvc.perform(get(FORM).param("rows", "7")).andReturn()))
                .contains("name=\"movers[6].name\"", "異動者7").doesNotContain("name=\"movers[7].name\"");
        assertThat(html(mvc.perform(get(FORM).param("rows", "50")).andReturn()))
                .contains("name=\"movers[9].name\"").doesNotContain("name=\"movers[10].name\"", "異動者の欄を増やす");
        assertThat(html(mvc.perform(get(FORM).param("rows", "abc")).andReturn()))
                .contains("name=\"movers[3].name\"").doesNotContain("name=\"movers[4].name\"");
    }

    @Test
    void addRowsButtonKeepsWhatWasTypedAndStoresNothing() throws Exception {
        long before = caseCount();
        Map<String, String> params = with(valid(), "action", "add-rows");
        String page = html(mvc.perform(submit(params)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("name=\"movers[5].name\"", "value=\"奥尻 太郎\"", "value=\"北海道函館市東雲町4番13号\"",
                        "value=\"" + params.get("submissionToken") + "\"", "name=\"rows\" value=\"6\"")
                .doesNotContain("name=\"movers[6].name\"", "error-summary");
        assertThat(page).containsPattern("id=\"movers-4-name\" name=\"movers\\[4]\\.name\"[^>]*autofocus");
        assertThat(caseCount()).isEqualTo(before);

        String ten = html(mvc.perform(submit(with(valid(), "action", "add-rows", "rows", "9"))).andReturn());
        assertThat(ten).contains("name=\"movers[9].name\"").doesNotContain("name=\"movers[10].name\"", "異動者の欄を増やす");
    }

    @Test
    void unknownOrMalformedMunicipalityIsAJapanese404() throws Exception {
        for (String code : List.of(CHIYODA, "012026", "abc", "0136761")) {
            String page = html(mvc.perform(get("/portal/" + code + "/transfer-out")).andExpect(status().isNotFound()).andReturn());
            assertThat(page).as(code).contains("lang=\"ja\"", "ページが見つかりません", "オンライン届出のページへ");
        }
        long before = caseCount();
        mvc.perform(submitTo("/portal/131016/transfer-out", valid())).andExpect(status().isNotFound());
        mvc.perform(multipart("/portal/131016/transfer-out").with(csrf())).andExpect(status().isNotFound());
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void submissionWithoutCsrfTokenIsRefused() throws Exception {
        long before = caseCount();
        MockMultipartHttpServletRequestBuilder request = multipart(FORM);
        valid().forEach(request::param);
        mvc.perform(request).andExpect(status().isForbidden());
        assertThat(caseCount()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- valid submissions

    @Test
    void validSubmissionOpensACaseAndShowsItsReceiptNumber() throws Exception {
        long before = caseCount();
        String page = html(mvc.perform(submit(valid(),
                        new MockMultipartFile("cardCopy", "card.png", "image/png", PNG),
                        new MockMultipartFile("idCopy", "C:\\Users\\taro\\licence.pdf", "application/pdf", PDF)))
                .andExpect(status().isOk()).andReturn());
        String number = receiptNumber(page);
        assertThat(page).contains("転出届を受け付けました", "受付番号", "この後の流れ", "北海道函館市", "taro@example.jp",
                "href=\"/portal/requests/" + number + "\"", "届出の状況を確認する");
        assertThat(caseCount()).isEqualTo(before + 1);
        CaseStatus stored = cases.find(number).orElseThrow();
        assertThat(stored.procedure()).isEqualTo("TRANSFER_OUT_BY_MAIL");
        assertThat(stored.channel()).isEqualTo("WEB");
        assertThat(stored.statusCode()).isEqualTo("RECEIVED");
        assertThat(stored.filerBirthDate()).hasToString("1980-04-01");
        assertThat(cases.documents(number)).extracting(CaseDocument::fileName, CaseDocument::contentType).containsExactly(
                org.assertj.core.groups.Tuple.tuple("カードの写し_card.png", "image/png"),
                org.assertj.core.groups.Tuple.tuple("本人確認書類_licence.pdf", "application/pdf"));
    }

    @Test
    void hiraganaHalfWidthKanaAndJapaneseDateFormsAreAccepted() throws Exception {
        Map<String, String> params = with(valid(),
                "filer.nameKana", "おくしり　たろう",
                "movers[0].nameKana", "ｵｸｼﾘ ﾀﾛｳ",
                "plannedMoveOutDate", "２０２６年１２月５日",
                "filer.birthDate", "1980/4/1",
                "phone", "０１３９７ー２ー３１１１");
        String number = receiptNumber(html(mvc.perform(submit(params)).andExpect(status().isOk()).andReturn()));
        JsonNode request = storedRequest(number);
        assertThat(request.at("/filer/nameKana").asText()).isEqualTo("オクシリ タロウ");
        assertThat(request.at("/movers/0/nameKana").asText()).isEqualTo("オクシリ タロウ");
        assertThat(request.at("/plannedMoveOutDate").asText()).isEqualTo("2026-12-05");
        assertThat(request.at("/phone").asText()).isEqualTo("01397-2-3111");
    }

    @Test
    void blankMoverRowsAreSkippedAndTheCardHolderFollowsItsRow() throws Exception {
        Map<String, String> params = valid();
        with(params, "movers[2].name", "奥尻 花子", "movers[2].nameKana", "オクシリ ハナコ", "movers[2].birthDate", "1982-06-15",
                "movers[2].sex", "女", "movers[2].relationship", "妻", "cardHolder", "3");
        String number = receiptNumber(html(mvc.perform(submit(params)).andExpect(status().isOk()).andReturn()));
        JsonNode request = storedRequest(number);
        assertThat(request.at("/movers")).hasSize(2);
        assertThat(request.at("/cardHolderIndex").asInt()).isEqualTo(1);
        assertThat(request.at("/movers/1/name").asText()).isEqualTo("奥尻 花子");
    }

    @Test
    void theSameOneTimeTokenTwiceGivesOneCase() throws Exception {
        Map<String, String> params = valid();
        long before = caseCount();
        String first = receiptNumber(html(mvc.perform(submit(params)).andExpect(status().isOk()).andReturn()));
        String second = receiptNumber(html(mvc.perform(submit(params)).andExpect(status().isOk()).andReturn()));
        assertThat(second).isEqualTo(first);
        assertThat(caseCount()).isEqualTo(before + 1);
        // a fresh form (a new token) is a new request
        String third = receiptNumber(html(mvc.perform(submit(with(valid(), "submissionToken", TransferOutPortal.newToken())))
                .andExpect(status().isOk()).andReturn()));
        assertThat(third).isNotEqualTo(first);
    }

    @Test
    void htmlInANameIsShownAsText() throws Exception {
        String name = "<script>alert('x')</script>太郎";
        String page = html(mvc.perform(submit(with(valid(), "filer.name", name))).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;太郎").doesNotContain("<script>");
        String number = receiptNumber(page);
        assertThat(storedRequest(number).at("/filer/name").asText()).isEqualTo(name);

        // and in the form shown again with an error
        String again = html(mvc.perform(submit(with(valid(), "filer.name", name, "phone", "")))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(again).contains("value=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;太郎\"").doesNotContain("<script>");

        // and inside an error message that repeats what was typed
        String echoed = html(mvc.perform(submit(with(valid(), "plannedMoveOutDate", "<img src=x onerror=alert(1)>")))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(echoed).contains("転出予定日「&lt;img src=x onerror=alert(1)&gt;」は正しい日付ではありません。").doesNotContain("<img");
    }

    // ---------------------------------------------------------------- bad input: 400, the message at its field, nothing stored

    static Stream<Arguments> badInput() {
        String tooLong = "奥".repeat(51);
        List<Arguments> cases = new ArrayList<>(List.of(
                Arguments.of("転出予定日なし", with(valid(), "plannedMoveOutDate", ""), "plannedMoveOutDate", "転出予定日を入力してください。"),
                Arguments.of("ありえない転出予定日", with(valid(), "plannedMoveOutDate", "2026-02-30"), "plannedMoveOutDate", "転出予定日「2026-02-30」は正しい日付ではありません。"),
                Arguments.of("ありえない生年月日", with(valid(), "filer.birthDate", "1980年13月1日"), "filer-birthDate", "届出人の生年月日「1980-13-01」は正しい日付ではありません。"),
                Arguments.of("文字の生年月日", with(valid(), "movers[0].birthDate", "昭和55年"), "movers-0-birthDate", "異動者1の生年月日「昭和55年」は正しい日付ではありません。"),
                Arguments.of("転出予定日が先すぎる", with(valid(), "plannedMoveOutDate", "2026-12-11"), "plannedMoveOutDate", "転出予定日の14日前からお受けできます。2026-11-27以降に届くようお送りください。"),
                Arguments.of("過ぎた転出予定日で転出日なし", with(valid(), "plannedMoveOutDate", "2026-11-20"), "movedOn", "転出予定日が過ぎています。実際に転出した日（転出日）を入力してください。"),
                Arguments.of("未来の転出日", with(valid(), "movedOn", "2026-11-27"), "movedOn", "転出日（2026-11-27）が未来の日付です。"),
                Arguments.of("未来の生年月日", with(valid(), "filer.birthDate", "2026-11-27"), "filer-birthDate", "届出人の生年月日が未来の日付です。"),
                Arguments.of("未来の異動者の生年月日", with(valid(), "movers[0].birthDate", "2030-01-01"), "movers-0-birthDate", "異動者1の生年月日が未来の日付です。"),
                Arguments.of("ローマ字のフリガナ", with(valid(), "filer.nameKana", "Okushiri Taro"), "filer-nameKana", "届出人のフリガナはカタカナで入力してください。"),
                Arguments.of("漢字のフリガナ", with(valid(), "movers[0].nameKana", "奥尻 太郎"), "movers-0-nameKana", "異動者1のフリガナはカタカナで入力してください。"),
                Arguments.of("長すぎる氏名", with(valid(), "filer.name", tooLong), "filer-name", "届出人の氏名は50文字以内で入力してください。"),
                Arguments.of("長すぎる住所", with(valid(), "newAddress.address", "函".repeat(201)), "newAddress-address", "新住所は200文字以内で入力してください。"),
                Arguments.of("制御文字", with(valid(), "currentAddress", "北海道奥尻郡\u0007奥尻町"), "currentAddress", "現住所に使えない文字（制御文字）が含まれています。"),
                Arguments.of("改行", with(valid(), "movers[0].relationship", "世帯\n主"), "movers-0-relationship", "異動者1の続柄に使えない文字（制御文字）が含まれています。"),
                Arguments.of("検査数字の誤り", with(valid(), "newAddress.municipalityCode", "012026"), "newAddress-municipalityCode", "新住所の地方公共団体コードの検査数字（最後の1桁）が正しくありません。"),
                Arguments.of("同じ町への転出（転居届の案内）", with(valid(), "newAddress.municipalityCode", OKUSHIRI), "newAddress-municipalityCode", "同じ市区町村の中での引越しは転出届ではなく転居届（住民基本台帳法第23条）"),
                Arguments.of("5桁の団体コード", with(valid(), "newAddress.municipalityCode", "01202"), "newAddress-municipalityCode", "新住所の"),
                Arguments.of("関係なし", with(valid(), "filer.relation", ""), "filer-relation", "届出人と異動者の関係は「本人」「世帯員」「代理人」のいずれかを選んでください。"),
                Arguments.of("性別なし", with(valid(), "movers[0].sex", ""), "movers-0-sex", "異動者1の性別は「男」か「女」を選んでください。"),
                Arguments.of("カードの種類なし", with(valid(), "cardType", ""), "cardType", "カードの種類を選んでください。"),
                Arguments.of("継続利用なし", with(valid(), "continuedUse", ""), "continuedUse", "カードの継続利用を希望するかどうかを選んでください。"),
                Arguments.of("空欄を選んだカード所持者", with(valid(), "cardHolder", "2"), "cardHolder", "カードを持つ異動者として選んだ欄が空欄です。"),
                Arguments.of("電話番号の誤り", with(valid(), "phone", "電話なし"), "phone", "電話番号は数字とハイフンで入力してください"),
                Arguments.of("メールアドレスの誤り", with(valid(), "email", "taro@"), "email", "メールアドレスの形式が正しくありません。"),
                Arguments.of("異動者なし", with(valid(), "movers[0].name", "", "movers[0].nameKana", "", "movers[0].birthDate", "",
                        "movers[0].sex", "", "movers[0].relationship", ""), "movers", "異動する人を1人以上入力してください。")));
        Map<String, String> eleven = valid();
        for (int i = 1; i <= 10; i++) {
            with(eleven, "movers[" + i + "].name", "奥尻 子" + i, "movers[" + i + "].nameKana", "オクシリ コ",
                    "movers[" + i + "].birthDate", "2010-01-0" + (i % 9 + 1), "movers[" + i + "].sex", "女",
                    "movers[" + i + "].relationship", "子");
        }
        cases.add(Arguments.of("11人の異動者", eleven, "movers", "異動者は1回の届出で10人までです（11人入力されています）。"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIs400WithTheJapaneseMessageAtItsFieldAndStoresNothing(String label, Map<String, String> params,
                                                                        String inputId, String message) throws Exception {
        long before = caseCount();
        String page = html(mvc.perform(submit(params)).andExpect(status().isBadRequest()).andReturn());
        assertThat(errorAt(page, inputId)).as("error next to #%s", inputId).contains(message);
        assertThat(page).contains("<title>エラー: ", "id=\"error-summary\"", "入力内容を確認してください");
        String anchor = inputId.equals("movers") ? "movers-0-name"
                : List.of("filer-relation", "movers-0-sex", "cardType", "continuedUse", "cardHolder").contains(inputId) ? inputId + "-1" : inputId;
        assertThat(page).as("summary links to the input").containsPattern("<a href=\"#" + anchor + "\">[^<]*" + Pattern.quote(message.substring(0, Math.min(8, message.length()))));
        assertThat(page).as("the input exists").contains("id=\"" + anchor + "\"");
        assertThat(page).as("entered values kept").contains("value=\"" + params.get("submissionToken") + "\"");
        assertThat(caseCount()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void anInputWithAnErrorIsDescribedByItAndMarkedInvalid() throws Exception {
        String page = html(mvc.perform(submit(with(valid(), "filer.nameKana", "taro", "plannedMoveOutDate", "")))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(page).contains("id=\"filer-nameKana\" name=\"filer.nameKana\" type=\"text\" value=\"taro\"",
                "aria-describedby=\"filer-nameKana-hint filer-nameKana-error\" aria-invalid=\"true\"",
                "aria-describedby=\"plannedMoveOutDate-hint plannedMoveOutDate-error\" aria-invalid=\"true\"",
                "入力内容を確認してください（<span>2</span>件）");
        assertThat(page.indexOf("href=\"#plannedMoveOutDate\"")).as("summary in page order").isLessThan(page.indexOf("href=\"#filer-nameKana\""));
    }

    static Stream<Arguments> badFiles() {
        MockMultipartFile[] six = new MockMultipartFile[6];
        for (int i = 0; i < 6; i++) {
            six[i] = new MockMultipartFile(i < 3 ? "cardCopy" : "idCopy", "copy" + i + ".png", "image/png", PNG);
        }
        return Stream.of(
                Arguments.of("テキストファイル", new MockMultipartFile[]{new MockMultipartFile("cardCopy", "card.txt", "text/plain", "card".getBytes())},
                        "「card.txt」は添付できない形式です。PDF、JPEG、PNGのファイルを添付してください。"),
                Arguments.of("中身がPDFでないPDF", new MockMultipartFile[]{new MockMultipartFile("idCopy", "id.pdf", "application/pdf", "<html>not a pdf</html>".getBytes())},
                        "「id.pdf」は添付できない形式です。"),
                Arguments.of("PNGをJPEGと申告", new MockMultipartFile[]{new MockMultipartFile("idCopy", "id.jpg", "image/jpeg", PNG)},
                        "「id.jpg」は添付できない形式です。"),
                Arguments.of("6ファイル", six, "添付できるファイルは5個までです（6個選ばれています）。"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badUploadsAre400AtTheAttachmentsAndStoreNothing(String label, MockMultipartFile[] files, String message) throws Exception {
        long before = caseCount();
        // a form error at the same time is shown too
        String page = html(mvc.perform(submit(with(valid(), "phone", ""), files)).andExpect(status().isBadRequest()).andReturn());
        assertThat(errorAt(page, "attachments")).contains(message);
        assertThat(errorAt(page, "phone")).contains("日中の連絡先電話番号を入力してください。");
        assertThat(page).contains("<a href=\"#cardCopy\">", "添付ファイルをもう一度選んでください");
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void emptyFileInputsAreIgnored() throws Exception {
        String page = html(mvc.perform(submit(valid(), new MockMultipartFile("cardCopy", "", "application/octet-stream", new byte[0]),
                new MockMultipartFile("idCopy", "", "application/octet-stream", new byte[0]))).andExpect(status().isOk()).andReturn());
        assertThat(cases.documents(receiptNumber(page))).isEmpty();
    }

    @Test
    void fileNamesAreMadeSafe() {
        assertThat(jp.jukiflow.intake.api.UploadedFiles.safeFileName("C:\\fakepath\\免許証.jpg")).isEqualTo("免許証.jpg");
        assertThat(jp.jukiflow.intake.api.UploadedFiles.safeFileName("../../etc/passwd\u0000.png")).isEqualTo("passwd.png");
        assertThat(jp.jukiflow.intake.api.UploadedFiles.safeFileName("\u202Egnp.exe")).isEqualTo("gnp.exe");
        assertThat(jp.jukiflow.intake.api.UploadedFiles.safeFileName("")).isEqualTo("添付ファイル");
        String longName = "あ".repeat(300) + ".pdf";
        assertThat(jp.jukiflow.intake.api.UploadedFiles.safeFileName(longName)).hasSize(100).endsWith(".pdf");
    }

    // ---------------------------------------------------------------- real HTTP: Tomcat's multipart limits

    @Test
    void anOversizeUploadIsAJapanese413() throws Exception {
        long before = caseCount();
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        HttpResponse<String> response = new RealForm().post(valid(), List.of(new RealFile("cardCopy", "big.png", "image/png", big)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("lang=\"ja\"", "ファイルが大きすぎます", "添付ファイルは1ファイル10MB、合計5ファイルまでです。");
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void aFullFormOfTenRowsWithFilesPassesTomcatsPartLimits() throws Exception {
        Map<String, String> params = valid();
        for (int i = 1; i < 10; i++) {
            for (String field : List.of("name", "nameKana", "birthDate", "relationship")) {
                params.putIfAbsent("movers[" + i + "]." + field, "");
            }
        }
        params.put("rows", "10");
        params.put("movedOn", "");
        HttpResponse<String> response = new RealForm().post(params, List.of(
                new RealFile("cardCopy", "card.png", "image/png", PNG), new RealFile("idCopy", "id.pdf", "application/pdf", PDF),
                new RealFile("otherDocuments", "", "application/octet-stream", new byte[0])));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(cases.documents(receiptNumber(response.body()))).hasSize(2);
    }

    record RealFile(String input, String name, String type, byte[] content) {
    }

    /** A browser-like client: opens the form (session cookie, CSRF token in the form), then posts multipart. */
    class RealForm {
        final HttpClient client = HttpClient.newHttpClient();

        HttpResponse<String> post(Map<String, String> params, List<RealFile> files) throws Exception {
            HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + FORM)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            Matcher action = Pattern.compile("<form id=\"transfer-out-form\"[^>]*\\saction=\"([^\"]+)\"").matcher(form.body());
            assertThat(action.find()).isTrue();
            // the token travels in the body only, even for an upload over the limits (see anOversizeUploadIsAJapanese413)
            assertThat(action.group(1)).doesNotContain("_csrf");
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
            assertThat(csrf.find()).isTrue();
            String boundary = "----jukiflow" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Map<String, String> all = new LinkedHashMap<>();
            all.put("_csrf", csrf.group(1));
            all.putAll(params);
            for (Map.Entry<String, String> e : all.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                        + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            for (RealFile f : files) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.input() + "\"; filename=\""
                        + f.name() + "\"\r\nContent-Type: " + f.type() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(f.content());
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            String target = action.group(1).replace("&amp;", "&");
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                            .header("Cookie", cookie)
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    // ---------------------------------------------------------------- the portal index and the start page

    @Test
    void portalIndexListsTheFormsAndTheStartPageLinksToIt() throws Exception {
        String index = html(mvc.perform(get("/portal")).andExpect(status().isOk()).andReturn());
        assertThat(index).contains("lang=\"ja\"", "オンライン届出", "href=\"/portal/013676/transfer-out\"",
                "href=\"/portal/012025/transfer-out\"", "北海道奥尻町からの転出届", "受付番号");
        String start = html(mvc.perform(get("/")).andExpect(status().isOk()).andReturn());
        assertThat(start).contains("href=\"/portal\"", "オンライン届出（住民の方）");
        assertThat(start.indexOf("href=\"/portal\"")).as("first link: residents are the largest audience")
                .isLessThan(start.indexOf("href=\"/camunda/app/tasklist/\""));
    }

    @Test
    void lookUpFromTheIndexGoesToTheStatusPage() throws Exception {
        mvc.perform(get("/portal/requests").param("receiptNumber", " ０１３６７６－２０２６－０００００１ "))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/portal/requests/013676-2026-000001"));
        assertThat(html(mvc.perform(get("/portal/requests").param("receiptNumber", "12345")).andExpect(status().isBadRequest()).andReturn()))
                .contains("受付番号は「013676-2026-000123」のように");
    }

    private JsonNode storedRequest(String receiptNumber) throws Exception {
        return json.readTree(jdbc.sql("select request_json from transfer_out_request where receipt_number = ?")
                .param(receiptNumber).query(String.class).single());
    }
}
