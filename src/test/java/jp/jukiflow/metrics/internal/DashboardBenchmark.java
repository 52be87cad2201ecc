package jp.jukiflow.metrics.internal;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.OnPostgres;
import jp.jukiflow.support.TestClock;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Benchmark, not a timed test (run with {@code ./mvnw -Pbenchmark verify}): the dashboard with 100,000 finished cases
 * in the read model on PostgreSQL (embedded PostgreSQL 17, or {@code JUKIFLOW_TEST_DB_URL}).
 *
 * <p>The finished cases are written straight into {@code case_metric}, the rows the engine listeners write for every
 * case (the dashboard reads nothing else of the history, so the engine's own history tables do not change its
 * cost): 100,000 cases of 奥尻町 over the last twelve months, five procedures, business-day cycle times 0–30, outcomes
 * and channels. Beside them, 300 real open cases started through the engine (open tasks, legal last days). Then the
 * whole page (login, all queries, Thymeleaf) is requested through MockMvc as 奥尻町's manager: 20 warm-up requests,
 * then 100 measured, for this month (the default) and for the whole year. Prints a table and writes it to
 * {@code dashboard-benchmark.txt} in the build dir.
 */
@JukiflowTest
@OnPostgres
class DashboardBenchmark {

    static final int FINISHED = Integer.getInteger("benchmark.finishedCases", 100_000);
    static final int OPEN = Integer.getInteger("benchmark.openCases", 300);
    static final List<String> PROCEDURES = List.of("transfer-out-by-mail", "transfer-in-with-card", "card-continuation",
            "card-suspension", "pin-reset");
    static final List<String> OUTCOMES = List.of("完了", "不受理", "通常の転入へ", "取消");
    static final List<String> CHANNELS = List.of("WEB", "MAIL", "PAPER", "");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    BusinessCalendar calendar;
    @Autowired
    Clock clock;
    @Autowired
    DashboardService dashboards;
    @Autowired
    CaseFigures cases;
    @Autowired
    OpenTaskFigures openTasks;
    @Autowired
    DeadlineFigures deadlines;
    @Autowired
    IncidentFigures incidents;

    @Test
    void dashboardWith100000FinishedCases() throws Exception {
        long seedStart = System.nanoTime();
        seedFinishedCases();
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        TestProcedure open = new TestProcedure("ベンチマーク手続", repositoryService, runtimeService, taskService,
                TestClock.of(clock));
        Instant now = clock.instant();
        for (int i = 0; i < OPEN; i++) {
            open.start(OKUSHIRI, now.minusSeconds(86_400L * (i % 20)), i % 2 == 0 ? "WEB" : null, null,
                    calendar.today().plusDays(i % 10));
        }
        RequestPostProcessor manager = user("okushiri-manager")
                .authorities(() -> "GROUP_013676-managers", () -> "TENANT_013676");
        long[] month = measure(get("/dashboard"), manager);
        LocalDate today = calendar.today();
        long[] year = measure(get("/dashboard").param("from", today.minusDays(365).toString())
                .param("to", today.toString()), manager);
        long[] csv = measure(get("/dashboard/procedures.csv").param("from", today.minusDays(365).toString())
                .param("to", today.toString()), manager);
        DashboardPeriod thisMonth = DashboardPeriod.monthOf(today);
        DashboardPeriod lastYear = new DashboardPeriod(today.minusDays(365), today);
        StringBuilder parts = new StringBuilder();
        part(parts, "read model: every figure (this month)", () -> cases.of(OKUSHIRI, thisMonth));
        part(parts, "read model: every figure (365 days)", () -> cases.of(OKUSHIRI, lastYear));
        part(parts, "runtime: open tasks", () -> openTasks.of(OKUSHIRI));
        part(parts, "runtime: legal last days", () -> deadlines.of(OKUSHIRI));
        part(parts, "runtime: incidents", () -> incidents.of(OKUSHIRI));
        part(parts, "whole dashboard without the page (this month)", () -> dashboards.of(OKUSHIRI, thisMonth));
        part(parts, "whole dashboard without the page (365 days)", () -> dashboards.of(OKUSHIRI, lastYear));
        String report = String.format(Locale.ROOT, """
                Dashboard benchmark (PostgreSQL): %,d finished cases in the read model (seeded in %.1f s), %d open cases
                | request | median ms | p95 ms | max ms |
                |---|---|---|---|
                | /dashboard (this month) | %d | %d | %d |
                | /dashboard (365 days) | %d | %d | %d |
                | /dashboard/procedures.csv (365 days) | %d | %d | %d |
                %s""", FINISHED, seedSeconds, OPEN, month[0], month[1], month[2], year[0], year[1], year[2],
                csv[0], csv[1], csv[2], parts);
        System.out.println(report);
        Path dir = Path.of(System.getProperty("benchmark.dir", "target"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("dashboard-benchmark.txt"), report);
    }

    /** One part of the dashboard, called directly: median of 50 calls after 10 warm-up ones. */
    private static void part(StringBuilder parts, String name, java.util.function.Supplier<?> work) {
        for (int i = 0; i < 10; i++) {
            work.get();
        }
        long[] micros = new long[50];
        for (int i = 0; i < micros.length; i++) {
            long start = System.nanoTime();
            work.get();
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        parts.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", name, micros[24] / 1000.0,
                micros[47] / 1000.0, micros[49] / 1000.0));
    }

    /** Median, 95th percentile and maximum of 100 requests after 20 warm-up ones, in milliseconds. */
    private long[] measure(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                           RequestPostProcessor manager) throws Exception {
        for (int i = 0; i < 20; i++) {
            mvc.perform(request.with(manager)).andExpect(status().isOk());
        }
        long[] millis = new long[100];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            mvc.perform(request.with(manager)).andExpect(status().isOk());
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        return new long[] {millis[49], millis[94], millis[99]};
    }

    private void seedFinishedCases() {
        Random random = new Random(20261126);
        LocalDate today = calendar.today();
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < FINISHED; i++) {
            LocalDate startedOn = today.minusDays(random.nextInt(365));
            int days = random.nextInt(31);
            LocalDate endedOn = startedOn.plusDays(days);
            if (endedOn.isAfter(today)) {
                endedOn = today;
            }
            Instant startedAt = startedOn.atTime(10, 0).atZone(BusinessCalendar.ZONE).toInstant();
            Instant endedAt = endedOn.atTime(15, 0).atZone(BusinessCalendar.ZONE).toInstant();
            String channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
            batch.add(new Object[] {"bench-" + UUID.randomUUID(), PROCEDURES.get(random.nextInt(PROCEDURES.size())),
                    OKUSHIRI, channel.isEmpty() ? null : channel, Timestamp.from(startedAt), startedOn,
                    Timestamp.from(endedAt), endedOn, OUTCOMES.get(random.nextInt(OUTCOMES.size())),
                    Math.max(0, days * 5 / 7), endedAt.getEpochSecond() - startedAt.getEpochSecond()});
            if (batch.size() == 5_000) {
                insert(batch);
                batch.clear();
            }
        }
        insert(batch);
        // what autovacuum does on its own after such a load: statistics and the visibility map (index-only scans)
        jdbc.execute("vacuum analyze case_metric");
    }

    private void insert(List<Object[]> rows) {
        jdbc.batchUpdate("""
                insert into case_metric (process_instance_id, procedure_key, municipality_code, channel, started_at,
                    started_on, ended_at, ended_on, outcome, business_days, duration_seconds)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

}
