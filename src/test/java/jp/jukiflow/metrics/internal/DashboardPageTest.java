package jp.jukiflow.metrics.internal;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;

import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.TestClock;
import org.camunda.bpm.engine.RepositoryService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard page and its CSV downloads through the real login (HTTP Basic against the Camunda identity): a
 * manager sees only their municipality, admins choose, clerks and the monitoring user get 403, bad input a 400 in
 * Japanese.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPageTest extends ProcessTestFixture {

    @Autowired
    RepositoryService repositoryService;

    TestProcedure okushiriOnly;
    TestProcedure hakodateOnly;

    @BeforeEach
    void cases() {
        if (okushiriOnly != null) {
            return;
        }
        okushiriOnly = new TestProcedure("奥尻だけ", repositoryService, runtimeService, taskService, TestClock.of(clock));
        hakodateOnly = new TestProcedure("函館だけ", repositoryService, runtimeService, taskService, TestClock.of(clock));
        var tokyo = ZoneId.of("Asia/Tokyo");
        okushiriOnly.startAndComplete(OKUSHIRI, LocalDateTime.parse("2026-11-24T10:00").atZone(tokyo).toInstant(),
                LocalDateTime.parse("2026-11-25T10:00").atZone(tokyo).toInstant(), "WEB", true);
        hakodateOnly.startAndComplete(HAKODATE, LocalDateTime.parse("2026-11-24T10:00").atZone(tokyo).toInstant(),
                LocalDateTime.parse("2026-11-25T10:00").atZone(tokyo).toInstant(), "MAIL", false);
    }

    @Test
    void aManagerSeesTheirMunicipalityOnly() throws Exception {
        String page = mvc.perform(get("/dashboard").with(httpBasic("okushiri-manager", "okushiri-manager")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("管理ダッシュボード", "奥尻町", "2026年11月1日 〜 2026年11月26日", okushiriOnly.key,
                "手続別の件数と処理日数", "未処理のタスク", "法定期限が5開庁日以内の案件", "chart.umd.js",
                "<td>" + okushiriOnly.name + "</td><td>ウェブ</td><td>1</td>");
        // every procedure is listed, 函館市's own one with 奥尻町's numbers: none
        assertThat(page).doesNotContain("函館市（012025）", "<td>" + hakodateOnly.name + "</td><td>メール</td>",
                "<td>" + hakodateOnly.name + "</td><td>不受理</td>");
        mvc.perform(get("/dashboard").param("municipality", HAKODATE)
                        .with(httpBasic("okushiri-manager", "okushiri-manager")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/procedures.csv").param("municipality", HAKODATE)
                        .with(httpBasic("okushiri-manager", "okushiri-manager")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theCsvIsUtf8WithBomForExcel() throws Exception {
        byte[] csv = mvc.perform(get("/dashboard/procedures.csv").param("from", "2026-11-01").param("to", "2026-11-26")
                        .with(httpBasic("okushiri-manager", "okushiri-manager")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith("text/csv")))
                .andExpect(header().string("Content-Disposition",
                        Matchers.containsString("jukiflow-procedures-013676-2026-11-01-2026-11-26.csv")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("手続,プロセスキー,受付,完了,処理中（現在）,処理日数 中央値,処理日数 90%\r\n")
                .contains(okushiriOnly.name + "," + okushiriOnly.key + ",1,1,0,1,1\r\n")
                .contains(hakodateOnly.name + "," + hakodateOnly.key + ",0,0,0,,\r\n");
        String outcomes = new String(mvc.perform(get("/dashboard/outcomes.csv")
                        .with(httpBasic("hakodate-manager", "hakodate-manager")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(outcomes).contains(hakodateOnly.name + ",不受理,1").doesNotContain(okushiriOnly.name);
    }

    @Test
    void adminsChooseAnyMunicipality() throws Exception {
        String page = mvc.perform(get("/dashboard").param("municipality", HAKODATE).with(httpBasic("admin", "admin")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<select id=\"municipality\"", "函館市（012025）", "奥尻町（013676）",
                "<td>" + hakodateOnly.name + "</td><td>メール</td><td>1</td>")
                .doesNotContain("<td>" + okushiriOnly.name + "</td><td>ウェブ</td>");
    }

    @Test
    void clerksTheMonitoringUserAndStrangersAreRefused() throws Exception {
        mvc.perform(get("/dashboard").with(httpBasic("okushiri-clerk", "okushiri-clerk")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/procedures.csv").with(httpBasic("hakodate-clerk", "hakodate-clerk")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/dashboard").with(httpBasic("monitoring", "monitoring"))).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard").accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void badInputIsA400InJapanese() throws Exception {
        mvc.perform(get("/dashboard").param("from", "2026-13-01").with(httpBasic("okushiri-manager", "okushiri-manager")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("開始日は 2026-11-01 のような形式で入力してください。")))
                .andExpect(content().string(Matchers.containsString("DASHBOARD_DATE_INVALID")));
        mvc.perform(get("/dashboard").param("from", "2026-11-20").param("to", "2026-11-01")
                        .with(httpBasic("okushiri-manager", "okushiri-manager")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("より前です")));
        mvc.perform(get("/dashboard/nothing.csv").with(httpBasic("okushiri-manager", "okushiri-manager")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("DASHBOARD_TABLE_UNKNOWN")));
        mvc.perform(get("/dashboard/volume.csv").param("from", "2020-01-01")
                        .with(httpBasic("okushiri-manager", "okushiri-manager")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("400日以内")));
    }

    @Test
    void theChartLibraryIsServedFromTheWebJar() throws Exception {
        mvc.perform(get("/webjars/chart.js/4.4.1/dist/chart.umd.js")).andExpect(status().isOk());
        mvc.perform(get("/js/dashboard.js").with(httpBasic("okushiri-manager", "okushiri-manager")))
                .andExpect(status().isOk());
    }

    @Test
    void caseIdsLinkToCockpit() throws Exception {
        TestProcedure atRisk = new TestProcedure("期限の迫る試験手続", repositoryService, runtimeService, taskService,
                TestClock.of(clock));
        String id = atRisk.start(OKUSHIRI, clock.instant(), null, null, java.time.LocalDate.parse("2026-11-27")).getId();
        String page = mvc.perform(get("/dashboard").with(httpBasic("okushiri-manager", "okushiri-manager")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<a href=\"/camunda/app/cockpit/default/#/process-instance/" + id + "/runtime\">" + id + "</a>");
    }

    @Test
    void everyCsvLinkOfThePageDownloads() throws Exception {
        String page = mvc.perform(get("/dashboard").param("from", "2026-11-02").param("to", "2026-11-25")
                        .with(httpBasic("okushiri-manager", "okushiri-manager")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        java.util.regex.Matcher links = java.util.regex.Pattern.compile("<a class=\"csv\" href=\"([^\"]+)\"").matcher(page);
        int n = 0;
        while (links.find()) {
            String href = org.springframework.web.util.HtmlUtils.htmlUnescape(links.group(1));
            assertThat(href).contains("from=2026-11-02", "to=2026-11-25");
            assertThat(page).contains("id=\"from\" name=\"from\" type=\"date\" value=\"2026-11-02\"");
            mvc.perform(get(java.net.URI.create(href)).with(httpBasic("okushiri-manager", "okushiri-manager")))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", Matchers.startsWith("text/csv")));
            n++;
        }
        assertThat(n).isEqualTo(DashboardService.TABLE_IDS.size());
    }
}
