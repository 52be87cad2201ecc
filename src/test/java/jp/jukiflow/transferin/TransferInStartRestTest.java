package jp.jukiflow.transferin;

import static jp.jukiflow.support.EngineRestCalls.variables;
import static jp.jukiflow.support.Towns.HAKODATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.support.EngineRestCalls;
import jp.jukiflow.support.EngineRestCalls.Answer;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.TestClock;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The start form of "transfer-in-with-card" (「特例転入届の受付」) submitted over the engine REST API and over Tasklist's own
 * engine API, refused:
 * <ul>
 *   <li>by an expression listener ({@code ${transferInStart.accepted(execution)}} on the start event), whose refusal
 *       reaches the REST resource wrapped by the engine, not as itself as a delegate's does: a malformed mail address
 *       still answers 400 with the Japanese message and starts nothing;</li>
 *   <li>by the counter ({@code checkCounter}, before the first wait state) after hours and on a Sunday: 400
 *       with the counter's Japanese reason instead of 「プロセスを開始しました」 for a case that ends at once, and nothing
 *       is left — no instance, no history, and the dashboard's figures of 函館市 are what they were (the refusal is not a
 *       case received and completed).</li>
 * </ul>
 */
class TransferInStartRestTest extends ProcessTestFixture {

    static final String PROCESS = "transfer-in-with-card";
    static final String AFTER_HOURS = "函館市役所 本庁舎の受付時間外です（開庁日の8時30分〜17時15分）。開庁日の受付時間内にお越しください。";
    /** The dashboard's tables of cases, over a period that holds every day the tests file on. */
    static final List<String> DASHBOARD_TABLES = List.of("procedures", "outcomes", "channels", "volume");
    static final String PERIOD = "municipality=" + HAKODATE + "&from=2026-11-01&to=2026-11-30";

    @Autowired
    RepositoryService repositoryService;
    @LocalServerPort
    int port;

    EngineRestCalls rest;
    Map<String, Object> form;

    @BeforeEach
    void aCardAtTheCounter() {
        rest = new EngineRestCalls(port);
        String card = jdbc.sql("""
                select c.card_number from card c join resident r on r.resident_code = c.resident_code
                where r.municipality_code = '013676' and c.card_type = 'MY_NUMBER' and c.status = 'ACTIVE'
                order by c.card_number""").query(String.class).list().get(0);
        form = new HashMap<>();
        form.put("cardNumber", card);
        form.put("movedInDate", "2026-11-25");
        form.put("newPostalCode", "040-0001");
        form.put("newAddress", "北海道函館市五稜郭町1番1号");
        form.put("headOfHousehold", "本人");
        form.put("continuationWanted", true);
        form.put("wantsSpecial", true);
    }

    @Test
    void afterHoursTheStartIsRefusedWithTheReasonAndNothingIsCounted() {
        DashboardTraces before = dashboardTraces();

        // Thursday 2026-11-26 18:00 JST
        Answer refused = TestClock.of(clock).at(Instant.parse("2026-11-26T09:00:00Z"), () -> rest.basic(
                "hakodate-clerk", "POST", "/process-definition/key/" + PROCESS + "/submit-form",
                Map.of("variables", variables(form))));

        assertRefused(refused);
        assertThat(dashboardTraces()).isEqualTo(before);
    }

    @Test
    void onASundayTasklistsOwnEngineApiAnswersTheRefusalToo() {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS)
                .withoutTenantId().latestVersion().singleResult().getId();
        EngineRestCalls.TasklistSession tasklist = rest.tasklist("hakodate-clerk");
        DashboardTraces before = dashboardTraces();

        // Sunday 2026-11-29 10:00 JST
        Answer refused = TestClock.of(clock).at(Instant.parse("2026-11-29T01:00:00Z"), () -> tasklist.engine("POST",
                "/process-definition/" + definition + "/submit-form", Map.of("variables", variables(form))));

        assertRefused(refused);
        assertThat(dashboardTraces()).isEqualTo(before);
    }

    @Test
    void aMalformedMailAddressInTheStartFormAnswers400AndStartsNothing() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("cardNumber", "XD-not-here");
        form.put("movedInDate", "2026-11-25");
        form.put("newAddress", "北海道函館市五稜郭町1番1号");
        form.put("email", "yamada@@example");

        Answer refused = new EngineRestCalls(port).basic("hakodate-clerk", "POST",
                "/process-definition/key/" + PROCESS + "/submit-form", Map.of("variables", variables(form)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode error = refused.json();
        assertThat(error.get("type").asText()).isEqualTo("DomainRuleViolation");
        assertThat(error.get("jukiflowCode").asText()).isEqualTo("INVALID_EMAIL");
        assertThat(error.get("code").isInt()).as(refused.body()).isTrue();
        assertThat(error.get("message").asText()).startsWith("メールアドレス「yamada@@example」の形式が正しくありません。");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(before);
    }

    /** A move-in date after the filing day (one files after moving in, 法22条): 400, Japanese, nothing started. */
    @Test
    void aMoveInAfterTheFilingDayAnswers400AndStartsNothing() {
        DashboardTraces before = dashboardTraces();
        Map<String, Object> movedInLater = new HashMap<>(form);
        movedInLater.put("movedInDate", "2026-11-27");
        movedInLater.put("transferInFiledOn", "2026-11-26");

        Answer refused = rest.basic("hakodate-clerk", "POST", "/process-definition/key/" + PROCESS + "/submit-form",
                Map.of("variables", variables(movedInLater)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode error = refused.json();
        assertThat(error.get("type").asText()).isEqualTo("DomainRuleViolation");
        assertThat(error.get("jukiflowCode").asText()).isEqualTo("MOVED_IN_AFTER_FILING");
        assertThat(error.get("message").asText()).contains("転入日（2026年11月27日）", "住民基本台帳法第22条");
        assertThat(dashboardTraces()).isEqualTo(before);
    }

    private static void assertRefused(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        JsonNode error = answer.json();
        assertThat(error.get("type").asText()).isEqualTo("DomainRuleViolation");
        assertThat(error.get("jukiflowCode").asText()).isEqualTo("COUNTER_CLOSED");
        assertThat(error.get("message").asText()).isEqualTo(AFTER_HOURS);
    }

    /** Instances, history, the dashboard's rows and its tables as a manager downloads them. */
    record DashboardTraces(long instances, long history, long caseMetrics, Map<String, String> dashboard) {
    }

    private DashboardTraces dashboardTraces() {
        Map<String, String> dashboard = new HashMap<>();
        for (String table : DASHBOARD_TABLES) {
            dashboard.put(table, dashboardCsv(table));
        }
        return new DashboardTraces(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count(),
                historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).count(),
                jdbc.sql("select count(*) from case_metric where procedure_key = ? and municipality_code = ?")
                        .params(PROCESS, HAKODATE).query(Long.class).single(),
                dashboard);
    }

    /** A table of the dashboard as 函館市's manager downloads it (HTTP Basic, as on every page of ours). */
    private String dashboardCsv(String table) {
        String credentials = Base64.getEncoder().encodeToString("hakodate-manager:hakodate-manager"
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard/" + table
                + ".csv?" + PERIOD)).header("Authorization", "Basic " + credentials).GET().build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as("%s: %s", table, response.body()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
