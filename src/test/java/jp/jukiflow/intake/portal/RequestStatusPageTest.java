package jp.jukiflow.intake.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The portal's status page: receipt number and the filer's birth date; unknown and wrong look the same. */
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
        String wrongBirth = body(mvc.perform(post("/portal/requests/" + number).with(csrf()).param("birthDate", "1980-04-02"))
                .andExpect(status().isNotFound()));
        String unknown = body(mvc.perform(post("/portal/requests/013676-2026-999999").with(csrf()).param("birthDate", "1980-04-02"))
                .andExpect(status().isNotFound()));
        // the unknown number with the filer's own birth date
        String unknownRightBirth = body(mvc.perform(post("/portal/requests/013676-2026-999999").with(csrf())
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
    void fiveWrongBirthDatesStopTheLookUpOfThatNumberForTheWindow() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/portal/requests/" + number).with(csrf()).param("birthDate", "1980-04-0" + (i + 2)))
                    .andExpect(status().isNotFound());
        }
        // now even the right birth date is refused, on the page and in the API
        String refused = body(mvc.perform(post("/portal/requests/" + number).with(csrf()).param("birthDate", "1980-04-01"))
                .andExpect(status().isTooManyRequests()));
        assertThat(refused).contains("生年月日の誤りが続いたため", "60分ほど").doesNotContain("現在の状況", "受付済み");
        mvc.perform(get("/api/v1/requests/" + number).param("birthDate", "1980-04-01"))
                .andExpect(status().isTooManyRequests())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Retry-After", "3600"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.code")
                        .value("STATUS_LOOKUP_LIMITED"));
        // another receipt number is not affected
        var other = TransferOutPortalTest.submitTo(TransferOutPortalTest.FORM, TransferOutPortalTest.valid());
        String otherNumber = TransferOutPortalTest.receiptNumber(body(mvc.perform(other).andExpect(status().isOk())));
        mvc.perform(post("/portal/requests/" + otherNumber).with(csrf()).param("birthDate", "1980-04-01"))
                .andExpect(status().isOk());
        // an hour after the first wrong date the number can be looked up again
        String later = TestClock.of(clock).at(clock.instant().plus(Duration.ofMinutes(61)), () -> {
            try {
                return body(mvc.perform(post("/portal/requests/" + number).with(csrf()).param("birthDate", "1980-04-01"))
                        .andExpect(status().isOk()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(later).contains("現在の状況", "受付済み");
    }
}
