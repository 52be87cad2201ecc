package jp.jukiflow.notify;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The {@code sendMail} delegate in a tiny process: start → send (async, R3/PT1M) → a step that can fail → wait →
 * loop back or end. Jobs run by hand (the job executor is off in tests).
 */
class SendMailDelegateTest extends MailTestSupport {

    static final String PROCESS = "notify-send-mail-test";
    static final String TENANT = OKUSHIRI;
    static final String SEND = "Task_SendMail";

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    MailNotifier notifier;

    /** Fails the step after the mail while set: the job's transaction rolls back after the mail went out. */
    public static class FailingStep implements JavaDelegate {
        static final AtomicBoolean FAIL = new AtomicBoolean();

        @Override
        public void execute(DelegateExecution execution) {
            if (FAIL.getAndSet(false)) {
                throw new IllegalStateException("simulated failure after the mail");
            }
        }
    }

    static BpmnModelInstance process() {
        return Bpmn.createExecutableProcess(PROCESS)
                .name("メール送信のテスト")
                .camundaHistoryTimeToLive(1)
                .startEvent("Event_Start")
                .serviceTask(SEND).name("受付のお知らせを送信")
                .camundaAsyncBefore()
                .camundaFailedJobRetryTimeCycle("R3/PT1M")
                .camundaDelegateExpression("${sendMail}")
                .camundaInputParameter("template", MailTemplate.TRANSFER_OUT_RECEIVED.id())
                .serviceTask("Task_AfterMail").name("次の処理")
                .camundaClass(FailingStep.class.getName())
                .userTask("Task_Again").name("もう一度送るか判断")
                .exclusiveGateway("Gateway_Again")
                .condition("もう一度", "${again}")
                .connectTo(SEND)
                .moveToNode("Gateway_Again")
                .condition("終了", "${!again}")
                .endEvent("Event_End")
                .done();
    }

    @BeforeEach
    void deploy() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            repositoryService.createDeployment().name(PROCESS).tenantId(TENANT)
                    .addModelInstance(PROCESS + ".bpmn", process()).deploy();
        }
    }

    @AfterEach
    void noFailureLeft() {
        FailingStep.FAIL.set(false);
    }

    ProcessInstance start(String email) {
        String receipt = "013676-2026-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> variables = new HashMap<>();
        variables.put("receiptNumber", receipt);
        variables.put("filerName", "奥尻 花子");
        variables.put("plannedMoveOutDate", "2026-12-10");
        variables.put("channelLabel", "メール");
        // a document as the intake stores it: not part of the mail's model
        variables.put("document_1", Variables.fileValue("card.pdf").file(new byte[]{'%', 'P', 'D', 'F'})
                .mimeType("application/pdf").create());
        if (email != null) {
            variables.put("email", email);
        }
        return runtimeService.createProcessInstanceByKey(PROCESS).processDefinitionTenantId(TENANT)
                .businessKey(receipt).setVariables(variables).execute();
    }

    Job job(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
    }

    void completeWait(ProcessInstance pi, boolean again) {
        String task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Again")
                .singleResult().getId();
        taskService.complete(task, Map.of("again", again));
    }

    @Test
    void sendsFromTheTenantWithTheBusinessKeyAndAgainWhenTheLoopComesBack() throws Exception {
        ProcessInstance pi = start("hanako@example.jp");

        managementService.executeJob(job(pi).getId());

        assertThat(received()).hasSize(1);
        assertThat(received()[0].getSubject())
                .isEqualTo("【奥尻町】転出届を受け付けました（受付番号 " + pi.getBusinessKey() + "）");
        assertThat((String) received()[0].getContent())
                .contains("奥尻 花子 様", "受付方法: メール", "2026年12月10日（木）");
        OutboxEntry first = notifier.find(pi.getId() + ":" + SEND + ":0").orElseThrow();
        assertThat(first.status()).isEqualTo(MailStatus.SENT);
        assertThat(first.caseKey()).isEqualTo(pi.getBusinessKey());
        assertThat(first.municipalityCode()).isEqualTo(TENANT);
        assertThat(first.recipient()).isEqualTo("hanako@example.jp");

        completeWait(pi, true);
        managementService.executeJob(job(pi).getId());
        completeWait(pi, false);

        assertThat(received()).hasSize(2);
        assertThat(notifier.find(pi.getId() + ":" + SEND + ":1")).isPresent();
        assertThat(notifier.mailsOf(pi.getBusinessKey())).extracting(OutboxEntry::idempotencyKey)
                .containsExactly(pi.getId() + ":" + SEND + ":0", pi.getId() + ":" + SEND + ":1");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getEndTime()).isNotNull();
    }

    @Test
    void aJobRetriedAfterTheMailWentOutDoesNotMailTwice() throws Exception {
        ProcessInstance pi = start("hanako@example.jp");
        FailingStep.FAIL.set(true);

        assertThatThrownBy(() -> managementService.executeJob(job(pi).getId()))
                .hasMessageContaining("simulated failure after the mail");
        // the mail went out and stays recorded, although the job's transaction rolled back
        assertThat(received()).hasSize(1);
        assertThat(job(pi).getRetries()).isEqualTo(2);
        assertThat(job(pi).getExceptionMessage()).contains("simulated failure");

        managementService.executeJob(job(pi).getId());

        assertThat(received()).hasSize(1);
        assertThat(notifier.mailsOf(pi.getBusinessKey())).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(MailStatus.SENT));
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Again").count())
                .isEqualTo(1);
    }

    @Test
    void aJobRetriedAfterAnSmtpFailureMailsOnceTheServerIsBack() {
        ProcessInstance pi = start("hanako@example.jp");

        withMailServerDown(() -> {
            assertThatThrownBy(() -> managementService.executeJob(job(pi).getId()))
                    .hasMessageContaining("メールを送信できませんでした");
            return null;
        });
        assertThat(received()).isEmpty();
        assertThat(job(pi).getRetries()).isEqualTo(2);
        assertThat(job(pi).getExceptionMessage()).contains("メールを送信できませんでした", pi.getBusinessKey());

        managementService.executeJob(job(pi).getId());

        assertThat(received()).hasSize(1);
        OutboxEntry sent = notifier.find(pi.getId() + ":" + SEND + ":0").orElseThrow();
        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
    }

    @Test
    void aMailServerThatStaysDownEndsInAnIncident() {
        ProcessInstance pi = start("hanako@example.jp");

        withMailServerDown(() -> {
            for (int attempt = 0; attempt < 3; attempt++) {
                String jobId = job(pi).getId();
                assertThatThrownBy(() -> managementService.executeJob(jobId))
                        .hasMessageContaining("メールを送信できませんでした");
            }
            return null;
        });

        assertThat(job(pi).getRetries()).isZero();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        assertThat(notifier.mailsOf(pi.getBusinessKey())).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(MailStatus.PENDING);
            assertThat(m.attempts()).isEqualTo(3);
        });
        assertThat(received()).isEmpty();
    }

    @Test
    void withoutAnAddressTheMailIsSkippedAndTheProcessGoesOn() {
        ProcessInstance pi = start(null);

        managementService.executeJob(job(pi).getId());

        assertThat(received()).isEmpty();
        List<OutboxEntry> mails = notifier.mailsOf(pi.getBusinessKey());
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(MailStatus.SKIPPED_NO_ADDRESS);
            assertThat(m.subject()).contains(pi.getBusinessKey());
        });
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_Again").count())
                .isEqualTo(1);
    }
}
