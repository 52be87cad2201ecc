package jp.jukiflow.municipality;

import static jp.jukiflow.support.Towns.HAKODATE;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The public municipality and calendar API, without login, including its problem+json errors. */
@JukiflowTest
class MunicipalityApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void listsBothMunicipalitiesWithOffices() throws Exception {
        mvc.perform(get("/api/v1/municipalities"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[?(@.code == '013676')].name", hasItem("奥尻町")))
                .andExpect(jsonPath("$[?(@.code == '012025')].name", hasItem("函館市")));
    }

    @Test
    void aonaeBranchAcceptsOnlySuspensionReports() throws Exception {
        mvc.perform(get("/api/v1/municipalities/013676"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.prefecture", is("北海道")))
                .andExpect(jsonPath("$.offices", hasSize(2)))
                .andExpect(jsonPath("$.offices[0].main", is(true)))
                .andExpect(jsonPath("$.offices[0].hours.opensAt", is("08:30")))
                .andExpect(jsonPath("$.offices[0].hours.closesAt", is("17:15")))
                .andExpect(jsonPath("$.offices[1].name", is("奥尻町役場 青苗支所")))
                .andExpect(jsonPath("$.offices[1].procedures", hasSize(1)))
                .andExpect(jsonPath("$.offices[1].procedures[0].code", is("CARD_SUSPENSION")));
    }

    @Test
    void calendarAcrossTheYearEnd() throws Exception {
        mvc.perform(get("/api/v1/municipalities/012025/calendar?from=2026-12-25&to=2027-01-12"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.municipalityCode", is(HAKODATE)))
                .andExpect(jsonPath("$.days", hasSize(19)))
                // Fri 12/25 open
                .andExpect(jsonPath("$.days[0].open", is(true)))
                .andExpect(jsonPath("$.days[0].holiday", nullValue()))
                .andExpect(jsonPath("$.days[0].reason", nullValue()))
                // Sat 12/26
                .andExpect(jsonPath("$.days[1].open", is(false)))
                .andExpect(jsonPath("$.days[1].reason", is("土曜日")))
                // Tue 12/29 year-end closure
                .andExpect(jsonPath("$.days[4].reason", is("年末年始")))
                // Fri 1/1 元日
                .andExpect(jsonPath("$.days[7].holiday", is("元日")))
                // Mon 1/4 open again
                .andExpect(jsonPath("$.days[10].date", is("2027-01-04")))
                .andExpect(jsonPath("$.days[10].open", is(true)))
                // Mon 1/11 成人の日
                .andExpect(jsonPath("$.days[17].holiday", is("成人の日")))
                .andExpect(jsonPath("$.days[17].reason", is("祝日")));
    }

    @Test
    void calendarShowsSubstituteAndCitizensHolidays() throws Exception {
        mvc.perform(get("/api/v1/municipalities/013676/calendar?from=2026-05-06&to=2026-05-06"))
                .andExpect(jsonPath("$.days[0].holiday", is("振替休日")))
                .andExpect(jsonPath("$.days[0].reason", is("振替休日")));
        mvc.perform(get("/api/v1/municipalities/013676/calendar?from=2026-09-22&to=2026-09-22"))
                .andExpect(jsonPath("$.days[0].holiday", is("国民の休日")));
    }

    @Test
    void calendarAcceptsExactly366Days() throws Exception {
        mvc.perform(get("/api/v1/municipalities/013676/calendar?from=2027-01-01&to=2028-01-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days", hasSize(366)));
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({
            "/api/v1/municipalities/013676/calendar?from=2026-02-30&to=2026-03-05, 400, INVALID_DATE",
            "/api/v1/municipalities/013676/calendar?from=2026-13-01&to=2026-12-05, 400, INVALID_DATE",
            "/api/v1/municipalities/013676/calendar?from=yesterday&to=2026-12-05, 400, INVALID_DATE",
            "/api/v1/municipalities/013676/calendar?from=2026-12-10&to=2026-12-01, 400, CALENDAR_RANGE_REVERSED",
            "/api/v1/municipalities/013676/calendar?from=2026-01-01&to=2027-01-02, 400, CALENDAR_RANGE_TOO_LONG",
            "/api/v1/municipalities/01367X, 400, LOCAL_GOVERNMENT_CODE_NOT_DIGITS",
            "/api/v1/municipalities/13676, 400, LOCAL_GOVERNMENT_CODE_LENGTH",
            "/api/v1/municipalities/013677, 400, LOCAL_GOVERNMENT_CODE_CHECK_DIGIT",
            "/api/v1/municipalities/013677/calendar, 400, LOCAL_GOVERNMENT_CODE_CHECK_DIGIT",
            "/api/v1/municipalities/131016, 404, MUNICIPALITY_NOT_FOUND",
            "/api/v1/municipalities/131016/calendar?from=2026-12-01&to=2026-12-02, 404, MUNICIPALITY_NOT_FOUND",
            "/api/v1/no-such-thing, 404, NOT_FOUND"
    })
    void badInputIsAProblemInJapanese(String url, int status, String code) throws Exception {
        mvc.perform(get(url).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code", is(code)))
                .andExpect(jsonPath("$.status", is(status)))
                .andExpect(jsonPath("$.detail", containsString("。")));
    }

    @Test
    void deadlinesOnTheMunicipalitysCalendar() throws Exception {
        mvc.perform(get("/api/v1/municipalities/012025/deadlines?procedure=special-transfer-in&plannedMoveOutDate=2026-04-01&movedInDate=2026-04-03"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.procedure", is("special-transfer-in")))
                .andExpect(jsonPath("$.lastDay", is("2026-04-17")))
                .andExpect(jsonPath("$.basis", containsString("転入した日")));
        mvc.perform(get("/api/v1/municipalities/012025/deadlines?procedure=card-continuation&transferInDate=2026-12-06"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lastDay", is("2027-03-08")));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "procedure=special-transfer-in, MISSING_PARAMETER",
            "procedure=special-transfer-in&plannedMoveOutDate=2026-02-30, INVALID_DATE",
            "procedure=card-continuation&transferInDate=tomorrow, INVALID_DATE",
            "procedure=moving, UNKNOWN_PROCEDURE",
            "plannedMoveOutDate=2026-04-01, UNKNOWN_PROCEDURE",
    })
    void badDeadlineQuestionsAreProblems(String query, String code) throws Exception {
        mvc.perform(get("/api/v1/municipalities/012025/deadlines?" + query))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code", is(code)));
    }

    @Test
    void openApiDescribesThePublicApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/municipalities/{code}/calendar']").exists());
    }
}
