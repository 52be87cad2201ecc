package jp.jukiflow.metrics.internal;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.TestClock;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code /actuator/prometheus}: the jukiflow meters labelled by procedure and municipality, read per operator. */
class PrometheusEndpointTest extends ProcessTestFixture {

    @Autowired
    CaseGauges gauges;
    @Autowired
    RepositoryService repositoryService;

    private String scrape(String user) throws Exception {
        return mvc.perform(get("/actuator/prometheus").with(httpBasic(user, user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void everyMeterIsThereWithProcedureAndMunicipality() throws Exception {
        TestProcedure procedure = new TestProcedure(repositoryService, runtimeService, taskService, TestClock.of(clock));
        var tokyo = ZoneId.of("Asia/Tokyo");
        procedure.startAndComplete(OKUSHIRI, LocalDateTime.parse("2026-11-20T10:00").atZone(tokyo).toInstant(),
                LocalDateTime.parse("2026-11-24T10:00").atZone(tokyo).toInstant(), "WEB", true);
        procedure.start(OKUSHIRI, LocalDateTime.parse("2026-11-26T09:00").atZone(tokyo).toInstant(), null,
                LocalDateTime.parse("2026-11-25T17:15").atZone(tokyo).toInstant(), java.time.LocalDate.parse("2026-11-27"));
        procedure.start(HAKODATE, LocalDateTime.parse("2026-11-26T09:00").atZone(tokyo).toInstant(), null, null, null);
        gauges.refresh();

        String all = scrape("monitoring");
        String labels = "{municipality=\"013676\",procedure=\"" + procedure.key + "\"}";
        assertThat(all).contains(
                "jukiflow_cases_started_total" + labels + " 2.0",
                "jukiflow_cases_completed_total" + labels + " 1.0",
                "jukiflow_open_tasks" + labels + " 1.0",
                "jukiflow_deadline_at_risk" + labels + " 1.0",
                "jukiflow_case_duration_seconds_count" + labels + " 1",
                // four days from Friday to Tuesday: in the 7-day bucket, not in the 3-day one
                "jukiflow_case_duration_seconds_bucket{municipality=\"013676\",procedure=\"" + procedure.key + "\",le=\"259200.0\"} 0",
                "jukiflow_case_duration_seconds_bucket{municipality=\"013676\",procedure=\"" + procedure.key + "\",le=\"604800.0\"} 1",
                "jukiflow_cases_started_total{municipality=\"012025\",procedure=\"" + procedure.key + "\"} 1.0");
    }

    @Test
    void openIncidentsAndPendingMails() throws Exception {
        String key = "dashboard-incident-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        repositoryService.createDeployment().addModelInstance(key + ".bpmn", TestProcedure.failing(key)).deploy();
        var instance = runtimeService.createProcessInstanceByKey(key).processDefinitionWithoutTenantId()
                .setVariable("municipalityCode", OKUSHIRI).execute();
        var job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        management.setJobRetries(job.getId(), 0);
        String caseKey = "prometheus-test-" + key;
        jdbc.sql("""
                insert into mail_outbox (idempotency_key, case_key, municipality_code, template, recipient, subject, body,
                                         status, created_at, attempts)
                values (?, ?, '012025', 'card-suspension-started', 'a@example.jp', '件名', '本文', 'PENDING', ?, 1)""")
                .params(caseKey, caseKey, java.sql.Timestamp.from(clock.instant())).update();
        try {
            gauges.refresh();
            String all = scrape("monitoring");
            assertThat(all).contains("jukiflow_incidents_open{municipality=\"013676\",procedure=\"" + key + "\"} 1.0")
                    .containsPattern("jukiflow_mail_outbox_pending\\{municipality=\"012025\",procedure=\"card-suspension\"} [1-9]");
        } finally {
            jdbc.sql("delete from mail_outbox where case_key = ?").param(caseKey).update();
            runtimeService.deleteProcessInstance(instance.getId(), "テスト終了");
        }
    }

    @Test
    void aManagerReadsOnlyTheirOwnMunicipalitysLabels() throws Exception {
        TestProcedure procedure = new TestProcedure(repositoryService, runtimeService, taskService, TestClock.of(clock));
        procedure.start(OKUSHIRI, clock.instant(), null, null, null);
        procedure.start(HAKODATE, clock.instant(), null, null, null);
        gauges.refresh();
        String okushiri = scrape("okushiri-manager");
        assertThat(okushiri).contains("jukiflow_open_tasks{municipality=\"013676\",procedure=\"" + procedure.key + "\"}")
                .doesNotContain("municipality=\"012025\"")
                .contains("jvm_memory_used_bytes");
        List<String> samples = okushiri.lines().filter(l -> l.startsWith("jukiflow_")).toList();
        assertThat(samples).isNotEmpty().allSatisfy(l -> assertThat(l).contains("municipality=\"013676\""));
        assertThat(scrape("hakodate-manager")).doesNotContain("municipality=\"013676\"")
                .contains("municipality=\"012025\"");
        assertThat(scrape("admin")).contains("municipality=\"013676\"", "municipality=\"012025\"");
    }

    @Test
    void clerksAndStrangersGetNothing() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(httpBasic("okushiri-clerk", "okushiri-clerk")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("callcenter"))));
        mvc.perform(get("/actuator/prometheus").with(httpBasic("callcenter", "callcenter")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }
}
