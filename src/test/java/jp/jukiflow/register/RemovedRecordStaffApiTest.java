package jp.jukiflow.register;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The 除票 staff API and pages with bad input: Japanese problem details (API) or a Japanese page (pages) with a stable
 * code and 400 / 404, never a 500; and the look-up of a 除票 of 奥尻町 removed for 死亡 by its own clerk.
 */
@JukiflowTest
class RemovedRecordStaffApiTest {

    static final RequestPostProcessor CLERK = httpBasic("okushiri-clerk", "okushiri-clerk");

    @Autowired
    MockMvc mvc;
    @Autowired
    ResidentRegister register;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/staff/api/v1/removed-records?residentCode=12345678901                        | 400 | PURPOSE_REQUIRED",
            "/staff/api/v1/removed-records?purpose=照会                                    | 400 | RESIDENT_CODE_REQUIRED",
            "/staff/api/v1/removed-records?residentCode=12345&purpose=照会                 | 400 | RESIDENT_CODE_LENGTH",
            "/staff/api/v1/removed-records?residentCode=abcdefghijk&purpose=照会           | 400 | RESIDENT_CODE_NOT_DIGITS",
            "/staff/api/v1/removed-records/abc?purpose=照会                                | 404 | REMOVED_RECORD_NOT_FOUND",
            "/staff/api/v1/removed-records/99999999999999999999?purpose=照会               | 404 | REMOVED_RECORD_NOT_FOUND",
            "/staff/api/v1/removed-records/1                                               | 400 | PURPOSE_REQUIRED",
            "/staff/api/v1/removed-records/1?purpose=照会&honseki=perhaps                  | 400 | ",
    })
    void badInputIsAJapaneseProblemDetail(String url, int status, String code) throws Exception {
        var result = mvc.perform(get(url.strip()).with(CLERK).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.matchesPattern(".*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*")));
        if (code != null) {
            result.andExpect(jsonPath("$.code").value(code));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/staff/removed-records?residentCode=12345678901         | 400 | 照会の目的",
            "/staff/removed-records?residentCode=1&purpose=照会       | 400 | 住民票コード",
            "/staff/removed-records/abc?purpose=照会                  | 404 | 指定された除票は見つかりません",
            "/staff/removed-records/1                                 | 400 | 照会の目的",
            "/staff/removed-records/abc/copy.pdf?purpose=照会         | 404 | 指定された除票は見つかりません",
    })
    void badInputOnThePagesIsAJapanesePage(String url, int status, String text) throws Exception {
        mvc.perform(get(url.strip()).with(CLERK)).andExpect(status().is(status))
                .andExpect(content().string(containsString(text)));
    }

    @Test
    void theClerkFindsTheRemovedRecordOfADeathOnThePage() throws Exception {
        ResidentCode code;
        do {
            code = ResidentCode.withCheckDigit("5" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)));
        } while (register.find(code, "テスト").isPresent());
        Household h = register.createHousehold(OKUSHIRI, "043-1401", "北海道奥尻郡奥尻町米岡1番地");
        register.register(new Resident(code, OKUSHIRI, h.id(), new PersonName("米岡", "花子", "ヨネオカ", "ハナコ"),
                LocalDate.of(1940, 2, 3), Sex.FEMALE, "043-1401", h.address(), Resident.HEAD_OF_HOUSEHOLD,
                ResidentStatus.RESIDENT, Nationality.JAPANESE, null, null, null, null, null), "テスト");
        register.remove(code, OKUSHIRI, RemovalReason.DEATH, LocalDate.of(2026, 11, 20), "戸籍通知-1", "死亡による消除");

        mvc.perform(get("/staff/removed-records").param("residentCode", code.value()).param("purpose", "除票の写しの請求")
                        .with(CLERK))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("米岡　花子")))
                .andExpect(content().string(containsString("死亡")))
                .andExpect(content().string(containsString("令和8年11月20日")));
        mvc.perform(get("/staff/removed-records").param("residentCode", code.value()).param("purpose", "照会")
                        .with(httpBasic("hakodate-clerk", "hakodate-clerk")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("除票は、この市区町村に見つかりません")));
    }
}
