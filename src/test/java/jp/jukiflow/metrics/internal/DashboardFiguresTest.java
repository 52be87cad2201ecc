package jp.jukiflow.metrics.internal;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.TestClock;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every figure of the dashboard against cases built here, with known dates: a procedure of its own (so the other
 * tests' cases do not count), cases across 文化の日 (11/3) and 勤労感謝の日 (11/23), today = Thu 2026-11-26.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardFiguresTest extends ProcessTestFixture {

    static final DashboardPeriod NOVEMBER = new DashboardPeriod(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-26"));

    @Autowired
    DashboardService dashboards;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    CaseMetricBackfill backfill;

    TestProcedure procedure;
    ProcessInstance open;

    static Instant jst(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(ZoneId.of("Asia/Tokyo")).toInstant();
    }

    /** Once per class, but inside a test method's run (the coverage collector records only within one). */
    @BeforeEach
    void buildCases() {
        if (procedure != null) {
            return;
        }
        procedure = new TestProcedure(repositoryService, runtimeService, taskService, TestClock.of(clock));
        // A: Fri 11/20 → Tue 11/24 over the weekend and 勤労感謝の日: 1 business day, web, 受理
        procedure.startAndComplete(OKUSHIRI, jst("2026-11-20T10:00:00"), jst("2026-11-24T10:00:00"), "WEB", true);
        // B: Thu 11/19 → Wed 11/25: 3 business days (11/20, 11/24, 11/25), mail, 不受理
        procedure.startAndComplete(OKUSHIRI, jst("2026-11-19T10:00:00"), jst("2026-11-25T10:00:00"), "MAIL", false);
        // C: Mon 11/2 → Thu 11/26 over 文化の日 and 勤労感謝の日: 16 business days, at the counter, 受理
        procedure.startAndComplete(OKUSHIRI, jst("2026-11-02T10:00:00"), jst("2026-11-26T09:00:00"), null, true);
        // E: started Fri 10/30 (before the period), completed Mon 11/2: 1 business day, paper, 受理
        procedure.startAndComplete(OKUSHIRI, jst("2026-10-30T10:00:00"), jst("2026-11-02T10:00:00"), "PAPER", true);
        // D: started Tue 11/17, still open: its task 6 business days old and overdue; last day 12/3 = 5th business day
        open = procedure.start(OKUSHIRI, jst("2026-11-17T10:00:00"), "WEB", jst("2026-11-25T17:15:00"),
                LocalDate.parse("2026-12-03"));
        // F: open since today, last day 12/4 (6th business day: not at risk); G: last day 11/25, already past
        procedure.start(OKUSHIRI, jst("2026-11-26T09:30:00"), null, null, LocalDate.parse("2026-12-04"));
        procedure.start(OKUSHIRI, jst("2026-11-26T09:40:00"), null, null, LocalDate.parse("2026-11-25"));
        // H: 函館市's case of the same procedure: never in 奥尻町's figures
        procedure.startAndComplete(HAKODATE, jst("2026-11-24T10:00:00"), jst("2026-11-25T10:00:00"), "WEB", true);
    }

    private Dashboard okushiri() {
        return dashboards.of(OKUSHIRI, NOVEMBER);
    }

    private List<List<String>> rowsOf(Dashboard dashboard, String table) {
        return dashboard.table(table).orElseThrow().rows().stream()
                .filter(r -> r.get(0).equals(procedure.name)).toList();
    }

    @Test
    void startedCompletedInProgressAndCycleTimesInBusinessDays() {
        assertThat(rowsOf(okushiri(), "procedures")).containsExactly(
                // started A B C D F G; completed A B C E; open D F G; median of {1,1,3,16} = 1, 90th percentile = 16
                List.of(procedure.name, procedure.key, "6", "4", "3", "1", "16"));
        assertThat(rowsOf(dashboards.of(HAKODATE, NOVEMBER), "procedures")).containsExactly(
                List.of(procedure.name, procedure.key, "1", "1", "0", "1", "1"));
    }

    @Test
    void aPeriodCountsOnlyItsDays() {
        DashboardPeriod lastWeek = new DashboardPeriod(LocalDate.parse("2026-11-19"), LocalDate.parse("2026-11-24"));
        // started A B; completed A; median and 90th percentile of {1}
        assertThat(rowsOf(dashboards.of(OKUSHIRI, lastWeek), "procedures")).containsExactly(
                List.of(procedure.name, procedure.key, "2", "1", "3", "1", "1"));
    }

    @Test
    void outcomesAndChannels() {
        assertThat(rowsOf(okushiri(), "outcomes")).containsExactly(
                List.of(procedure.name, "受理", "3"), List.of(procedure.name, "不受理", "1"));
        assertThat(rowsOf(okushiri(), "channels")).containsExactlyInAnyOrder(
                List.of(procedure.name, "窓口", "3"), List.of(procedure.name, "ウェブ", "2"),
                List.of(procedure.name, "メール", "1"));
    }

    @Test
    void openTasksByAgeOverdueAndGroup() {
        // D: 6 business days old (11/18, 19, 20, 24, 25, 26) and overdue; F and G: created today
        assertThat(rowsOf(okushiri(), "open-tasks")).containsExactly(
                List.of(procedure.name, TestProcedure.TASK, "奥尻町 住民係", "2", "0", "1", "0", "1", "3"));
    }

    @Test
    void legalLastDaysWithinFiveBusinessDays() {
        List<List<String>> atRisk = okushiri().table("deadlines").orElseThrow().rows().stream()
                .filter(r -> r.get(0).equals(procedure.name)).map(r -> r.subList(2, 4)).toList();
        assertThat(atRisk).containsExactly(List.of("2026-11-25", "期限超過（1日）"), List.of("2026-12-03", "5"));
    }

    @Test
    void volumePerDayAndCharts() {
        Dashboard dashboard = okushiri();
        Dashboard.Charts charts = dashboard.charts();
        assertThat(charts.days()).hasSize(26).startsWith("2026-11-01").endsWith("2026-11-26");
        int nov20 = charts.days().indexOf("2026-11-20");
        int nov24 = charts.days().indexOf("2026-11-24");
        assertThat(charts.startedPerDay().get(nov20)).isGreaterThanOrEqualTo(1);
        assertThat(charts.completedPerDay().get(nov24)).isGreaterThanOrEqualTo(1);
        assertThat(charts.backlogByAge()).containsKeys("0〜1日", "2〜3日", "4〜7日", "8日以上");
        assertThat(charts.backlogByAge().get("4〜7日")).isGreaterThanOrEqualTo(1);
        assertThat(charts.cycleTimeDistribution()).containsKeys("0日", "1日", "3日", "16日");
        assertThat(DashboardService.cycleTimeDistribution(Map.of("p", new java.util.TreeMap<>(Map.of(1, 2L, 3, 1L)))))
                .containsExactly(Map.entry("0日", 0L), Map.entry("1日", 2L), Map.entry("2日", 0L), Map.entry("3日", 1L));
    }

    @Test
    void aCancelledCaseEndsWithTheOutcomeCancelled() {
        TestProcedure another = new TestProcedure("取消の試験手続", repositoryService, runtimeService, taskService, TestClock.of(clock));
        ProcessInstance cancelled = another.start(OKUSHIRI, jst("2026-11-26T09:50:00"), null, null, null);
        // skipping custom listeners: the recorder is a built-in one and still sees the end
        runtimeService.deleteProcessInstance(cancelled.getId(), "テスト", true);
        assertThat(okushiri().table("outcomes").orElseThrow().rows()).contains(List.of(another.name, "取消", "1"));
        assertThat(okushiri().table("procedures").orElseThrow().rows())
                .contains(List.of(another.name, another.key, "1", "1", "0", "0", "0"));
    }

    @Test
    void casesOfTheHistoryWithoutARowAreFilledIn() {
        TestProcedure earlier = new TestProcedure("移行前の試験手続", repositoryService, runtimeService, taskService,
                TestClock.of(clock));
        ProcessInstance done = earlier.startAndComplete(OKUSHIRI, jst("2026-11-20T10:00:00"), jst("2026-11-24T10:00:00"),
                "MAIL", false);
        ProcessInstance running = earlier.start(OKUSHIRI, jst("2026-11-25T10:00:00"), "WEB", null, null);
        String select = "select process_instance_id, procedure_key, municipality_code, channel, started_on, ended_on,"
                + " outcome, business_days from case_metric where process_instance_id in (?, ?) order by started_on";
        List<Map<String, Object>> before = jdbc.sql(select).params(done.getId(), running.getId()).query().listOfRows();
        assertThat(before).hasSize(2);
        jdbc.sql("delete from case_metric where process_instance_id in (?, ?)").params(done.getId(), running.getId())
                .update();

        assertThat(backfill.backfill()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql(select).params(done.getId(), running.getId()).query().listOfRows()).isEqualTo(before);
        assertThat(backfill.backfill()).isZero();
        // the running one is completed by the listeners as usual
        earlier.complete(running, jst("2026-11-26T09:00:00"), true);
        assertThat(okushiri().table("outcomes").orElseThrow().rows())
                .contains(List.of(earlier.name, "受理", "1"), List.of(earlier.name, "不受理", "1"));
    }
}
