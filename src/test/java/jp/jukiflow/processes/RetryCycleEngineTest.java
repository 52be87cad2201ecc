package jp.jukiflow.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.CAMUNDA_NS;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Why the models write the retry cycle of an async job as the extension element
 * {@code <camunda:failedJobRetryTimeCycle>} (checked in every model by {@link ProcessConventionsTest}): an in-memory
 * engine honours the element and ignores the attribute form ({@code camunda:failedJobRetryTimeCycle="R3/PT1M"}), with
 * which a failing job (SMTP, Juki-net) spends its three tries within milliseconds and becomes an incident at once.
 */
class RetryCycleEngineTest {

    static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    static final String PROCESS = "retry-cycle-probe";

    /** Fails every time it runs: the job around it must be retried by its cycle. */
    public static class AlwaysFails implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            throw new IllegalStateException("simulated outside failure");
        }
    }

    /** One in-memory engine for the tests, built by the first of them. */
    static ProcessEngine engine;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    static void closeEngine() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    @Test
    void theEngineSpacesTheTriesOfAnAsyncTaskByItsRetryCycleElement() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent("Event_Start")
                .serviceTask("Task_CallOutside").camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R3/PT1M")
                .camundaClass(AlwaysFails.class.getName())
                .endEvent("Event_End")
                .done();
        ServiceTask task = model.getModelElementById("Task_CallOutside");
        assertThat(ProcessConventions.retryCycles(task.getDomElement())).containsExactly("R3/PT1M");
        assertThat(task.getDomElement().hasAttribute(CAMUNDA_NS, "failedJobRetryTimeCycle")).isFalse();

        Job failed = failOnce(start(model));

        assertThat(failed.getRetries()).isEqualTo(2);
        assertThat(failed.getExceptionMessage()).contains("simulated outside failure");
        assertThat(failed.getDuedate()).isCloseTo(Date.from(NOW.plusSeconds(60)), 1000);
        assertThat(engine.getManagementService().createJobQuery().jobId(failed.getId()).executable().count())
                .as("executable before the minute is over").isZero();
    }

    @Test
    void theEngineIgnoresTheRetryCycleWrittenAsAnAttribute() {
        // the form the BPMN files had: the job is due again at once, so three failures come within milliseconds
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent("Event_Start")
                .serviceTask("Task_CallOutside").camundaAsyncBefore()
                .camundaClass(AlwaysFails.class.getName())
                .endEvent("Event_End")
                .done();
        ServiceTask task = model.getModelElementById("Task_CallOutside");
        task.setAttributeValueNs(CAMUNDA_NS, "failedJobRetryTimeCycle", "R3/PT1M");

        Job failed = failOnce(start(model));

        assertThat(failed.getRetries()).isEqualTo(2);
        assertThat(failed.getDuedate()).satisfiesAnyOf(
                due -> assertThat(due).isNull(),
                due -> assertThat(due).isBeforeOrEqualTo(Date.from(NOW)));
        assertThat(engine.getManagementService().createJobQuery().jobId(failed.getId()).executable().count())
                .as("executable again at once").isEqualTo(1);
    }

    @Test
    void theEngineSpacesTheTriesAfterAnAsyncAfterMessageEventByItsRetryCycleElement() {
        // as 「広域交付回答の受信」 and 「転出証明書情報の到着」: the work after the message runs in a job of its own
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent("Event_Start")
                .intermediateCatchEvent("Event_AnswerReceived").message("RetryCycleProbeAnswered")
                .camundaAsyncAfter().camundaFailedJobRetryTimeCycle("R3/PT1M")
                .serviceTask("Task_AfterAnswer").camundaClass(AlwaysFails.class.getName())
                .endEvent("Event_End")
                .done();
        ProcessInstance pi = start(model);
        engine.getRuntimeService().createMessageCorrelation("RetryCycleProbeAnswered")
                .processInstanceId(pi.getId()).correlate();

        Job failed = failOnce(pi);

        assertThat(failed.getRetries()).isEqualTo(2);
        assertThat(failed.getDuedate()).isCloseTo(Date.from(NOW.plusSeconds(60)), 1000);
    }

    /**
     * Deploys the model as a new version of the probe and starts it, the engine's clock pinned to {@link #NOW}. The
     * engine is a standalone in-memory one of this class (its own H2 database and engine name, job executor off), closed
     * after the class, so the application's engine of other tests is not touched.
     */
    ProcessInstance start(BpmnModelInstance model) {
        if (engine == null) {
            String name = "retry-" + UUID.randomUUID();
            engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                    .setProcessEngineName(name)
                    .setJdbcUrl("jdbc:h2:mem:" + name)
                    .setJobExecutorActivate(false)
                    .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
                    .buildProcessEngine();
        }
        ClockUtil.setCurrentTime(Date.from(NOW));
        engine.getRepositoryService().createDeployment().addModelInstance(PROCESS + ".bpmn", model).deploy();
        return engine.getRuntimeService().startProcessInstanceByKey(PROCESS);
    }

    /** Executes the instance's one job, which fails, and returns it as the engine left it. */
    Job failOnce(ProcessInstance pi) {
        ManagementService management = engine.getManagementService();
        Job job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(job).as("the async job").isNotNull();
        assertThat(job.getRetries()).isEqualTo(3);
        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("simulated outside failure");
        return management.createJobQuery().jobId(job.getId()).singleResult();
    }
}
