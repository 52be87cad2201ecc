package jp.jukiflow.intake.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static jp.jukiflow.support.ClientAddress.from;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jp.jukiflow.support.ClientAddress;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The portal's status page and the status API: receipt number and the filer's birth date; unknown and wrong look the
 * same; wrong birth dates count per client (MockMvc requests from chosen remote addresses) and per number.
 */
@JukiflowTest
class RequestStatusPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;

    String number;

    @BeforeEach
    void fileARequest() throws Exception {
        var request = TransferOutPortalTest.submitTo(TransferOutPortalTest.FORM, TransferOutPortalTest.valid());
        String page = body(mvc.perform(request).andExpect(status().isOk()));
        number = TransferOutPortalTest.receiptNumber(page);
    }

    static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    }

    @Test
    void asksForTheFilersBirthDate() throws Exception {
        String page = body(mvc.perform(get("/portal/requests/" + number)).andExpect(status().isOk()));
        assertThat(page).contains("lang=\"ja\"", "届出の状況の確認", number, "<label for=\"birthDate\">届出人の生年月日",
                "aria-describedby=\"birthDate-hint\"", "name=\"_csrf\"").doesNotContain("現在の状況");
    }

    @Test
    void theRightBirthDateShowsTheStatus() throws Exception {
        String page = body(mvc.perform(post("/portal/requests/" + number).with(csrf()).param("birthDate", "1980-04-01"))
                .andExpect(status().isOk()));
        assertThat(page).contains("現在の状況", number, "郵送による特例転出", "受付済み", "担当者が届出の内容を確認します。",
                "2026年11月26日 10:00", "最終更新", "次に行うこと");
        // also as a GET with the birth date, in a Japanese way of writing it
        assertThat(body(mvc.perform(get("/portal/requests/" + number).param("birthDate", "１９８０年４月１日")).andExpect(status().isOk())))
                .contains("受付済み");
    }

    @Test
    void anUnknownNumberAndAWrongBirthDateGiveTheSameAnswer() throws Exception {
        RequestPostProcessor client = from(ClientAddress.fresh());
        String wrongBirth = body(mvc.perform(post("/portal/requests/" + number).with(csrf()).with(client)
                .param("birthDate", "1980-04-02")).andExpect(status().isNotFound()));
        String unknown = body(mvc.perform(post("/portal/requests/013676-2026-999999").with(csrf()).with(client)
                .param("birthDate", "1980-04-02")).andExpect(status().isNotFound()));
        // the unknown number with the filer's own birth date
        String unknownRightBirth = body(mvc.perform(post("/portal/requests/013676-2026-999999").with(csrf()).with(client)
                .param("birthDate", "1980-04-01")).andExpect(status().isNotFound()));
        for (String page : new String[]{wrongBirth, unknown, unknownRightBirth}) {
            assertThat(page).contains(RequestStatusPage.NOT_FOUND).doesNotContain("現在の状況", "受付済み");
        }
        assertThat(strip(wrongBirth, number)).isEqualTo(strip(unknown, "013676-2026-999999"));
    }

    /** The page without its receipt number and CSRF token, to compare two answers. */
    private static String strip(String page, String number) {
        return page.replace(number, "N").replaceAll("value=\"[A-Za-z0-9_-]{20,}\"", "");
    }

    @Test
    void aMissingOrImpossibleBirthDateIsA400AtTheField() throws Exception {
        String blank = body(mvc.perform(post("/portal/requests/" + number).with(csrf()).param("birthDate", " "))
                .andExpect(status().isBadRequest()));
        assertThat(blank).contains("<title>エラー: ", "<a href=\"#birthDate\">届出人の生年月日を入力してください。</a>",
                "id=\"birthDate-error\"", "aria-describedby=\"birthDate-hint birthDate-error\" aria-invalid=\"true\"");
        assertThat(body(mvc.perform(post("/portal/requests/" + number).with(csrf()).param("birthDate", "1980-02-30"))
                .andExpect(status().isBadRequest()))).contains("生年月日「1980-02-30」は正しい日付ではありません。");
    }

    @Test
    void aMalformedNumberIsNotFoundAndShownAsText() throws Exception {
        String page = body(mvc.perform(post("/portal/requests/{n}", "<b>x<i>").with(csrf()).param("birthDate", "1980-04-01"))
                .andExpect(status().isNotFound()));
        assertThat(page).contains(RequestStatusPage.NOT_FOUND, "&lt;b&gt;x&lt;i&gt;").doesNotContain("<b>x");
    }

    @Test
    void withoutTheCsrfTokenNothingIsShown() throws Exception {
        mvc.perform(post("/portal/requests/" + number).param("birthDate", "1980-04-01")).andExpect(status().isForbidden());
    }

    @Test
    void fiveWrongBirthDatesFromOneClientStopItsLookUpsOfEveryNumberForTheWindow() throws Exception {
        String stranger = ClientAddress.fresh();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/portal/requests/" + number).with(csrf()).with(from(stranger)).param("birthDate", "1980-04-0" + (i + 2)))
                    .andExpect(status().isNotFound());
        }
        // now even the right birth date is refused to that client, on the page and in the API
        String refused = body(mvc.perform(post("/portal/requests/" + number).with(csrf()).with(from(stranger))
                .param("birthDate", "1980-04-01")).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "3600")));
        assertThat(refused).contains("生年月日の誤りが続いたため", "お使いの接続元", "60分ほど").doesNotContain("現在の状況", "受付済み");
        mvc.perform(get("/api/v1/requests/" + number).with(from(stranger)).param("birthDate", "1980-04-01"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "3600"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("STATUS_LOOKUP_LIMITED"))
                .andExpect(jsonPath("$.detail", containsString("お使いの接続元")));
        // and for any other number
        String otherNumber = fileAnotherRequest();
        mvc.perform(post("/portal/requests/" + otherNumber).with(csrf()).with(from(stranger)).param("birthDate", "1980-04-01"))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/v1/requests/" + otherNumber).with(from(stranger)).param("birthDate", "1980-04-01"))
                .andExpect(status().isTooManyRequests());
        // naming another client in X-Forwarded-For changes nothing: jukiflow reads the address the servlet sees
        mvc.perform(post("/portal/requests/" + otherNumber).with(csrf()).with(from(stranger))
                        .header("X-Forwarded-For", ClientAddress.fresh()).param("birthDate", "1980-04-01"))
                .andExpect(status().isTooManyRequests());

        // the resident, from their own client, still sees their status: page and API
        String resident = ClientAddress.fresh();
        assertThat(body(mvc.perform(post("/portal/requests/" + number).with(csrf()).with(from(resident))
                .param("birthDate", "1980-04-01")).andExpect(status().isOk()))).contains("現在の状況", "受付済み");
        mvc.perform(get("/api/v1/requests/" + number).with(from(resident)).param("birthDate", "1980-04-01"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status.code").value("RECEIVED"));

        // an hour after the first wrong date the stranger's client may ask again
        String later = TestClock.of(clock).at(clock.instant().plus(Duration.ofMinutes(61)), () -> {
            try {
                return body(mvc.perform(post("/portal/requests/" + number).with(csrf()).with(from(stranger))
                        .param("birthDate", "1980-04-01")).andExpect(status().isOk()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(later).contains("現在の状況", "受付済み");
    }

    @Test
    void theRefusalEndsWhenTheFailureThatKeepsTheCountAtTheLimitLeavesTheWindow() throws Exception {
        String client = ClientAddress.fresh();
        Instant start = clock.instant();
        // wrong dates at +0, +10, +20, +30 and +40 minutes: refused until +60 (the first one leaves the window)
        for (int i = 0; i < 5; i++) {
            int minutes = i * 10;
            TestClock.of(clock).at(start.plus(Duration.ofMinutes(minutes)), () -> perform(
                    get("/api/v1/requests/" + number).with(from(client)).param("birthDate", "1970-01-0" + (minutes / 10 + 1)), 404));
        }
        TestClock.of(clock).at(start.plus(Duration.ofMinutes(45)), () -> {
            try {
                return mvc.perform(get("/api/v1/requests/" + number).with(from(client)).param("birthDate", "1980-04-01"))
                        .andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "900")).andReturn();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // at +60 four are left in the window: answered; a fifth wrong date refuses again until +70
        TestClock.of(clock).at(start.plus(Duration.ofMinutes(60)), () -> perform(
                get("/api/v1/requests/" + number).with(from(client)).param("birthDate", "1980-04-01"), 200));
        TestClock.of(clock).at(start.plus(Duration.ofMinutes(61)), () -> perform(
                get("/api/v1/requests/" + number).with(from(client)).param("birthDate", "1970-02-01"), 404));
        TestClock.of(clock).at(start.plus(Duration.ofMinutes(62)), () -> {
            try {
                return mvc.perform(get("/api/v1/requests/" + number).with(from(client)).param("birthDate", "1980-04-01"))
                        .andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "480")).andReturn();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void manyClientsTogetherReachTheCeilingOfTheNumberAndThenItIsRefusedToEveryone() throws Exception {
        // ten clients, each below its own limit, give 50 wrong dates on one number
        for (int c = 0; c < 10; c++) {
            String client = ClientAddress.fresh();
            for (int i = 0; i < 5; i++) {
                String wrong = "1981-0" + (c % 9 + 1) + "-1" + i;
                if (c == 9 && i == 4) {
                    // the 50th is still answered (404); the ceiling holds from then on
                    mvc.perform(get("/api/v1/requests/" + number).with(from(client)).param("birthDate", wrong))
                            .andExpect(status().isNotFound());
                } else {
                    mvc.perform(post("/portal/requests/" + number).with(csrf()).with(from(client)).param("birthDate", wrong))
                            .andExpect(status().isNotFound());
                }
            }
        }
        String anyone = ClientAddress.fresh();
        String refused = body(mvc.perform(post("/portal/requests/" + number).with(csrf()).with(from(anyone))
                .param("birthDate", "1980-04-01")).andExpect(status().isTooManyRequests()));
        assertThat(refused).contains("生年月日の誤りが続いたため、この受付番号の照会を一時的に止めています。", "60分ほど",
                "届出先の市区町村の窓口へお問い合わせください").doesNotContain("現在の状況");
        mvc.perform(get("/api/v1/requests/" + number).with(from(anyone)).param("birthDate", "1980-04-01"))
                .andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "3600"))
                .andExpect(jsonPath("$.code").value("STATUS_LOOKUP_LIMITED"));
        // that client is not refused for other numbers: the ceiling is the number's
        String otherNumber = fileAnotherRequest();
        mvc.perform(post("/portal/requests/" + otherNumber).with(csrf()).with(from(anyone)).param("birthDate", "1980-04-01"))
                .andExpect(status().isOk());
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() throws Exception {
        for (int i = 0; i < 5; i++) {
            // a new address of the same /64 for every guess
            mvc.perform(get("/api/v1/requests/" + number).with(from("2001:db8:77:" + 1 + "::" + Integer.toHexString(i + 1)))
                    .param("birthDate", "1990-01-0" + (i + 1))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/requests/" + number).with(from("2001:db8:77:1:ffff::9")).param("birthDate", "1980-04-01"))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/v1/requests/" + number).with(from("2001:db8:77:2::1")).param("birthDate", "1980-04-01"))
                .andExpect(status().isOk());
    }

    private String fileAnotherRequest() throws Exception {
        var other = TransferOutPortalTest.submitTo(TransferOutPortalTest.FORM, TransferOutPortalTest.valid());
        return TransferOutPortalTest.receiptNumber(body(mvc.perform(other).andExpect(status().isOk())));
    }

    private MvcResult perform(MockHttpServletRequestBuilder request, int expectedStatus) {
        try {
            return mvc.perform(request).andExpect(status().is(expectedStatus)).andReturn();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
