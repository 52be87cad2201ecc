package jp.jukiflow.intake;

import static jp.jukiflow.support.TestMailServer.subjectsTo;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jp.jukiflow.intake.internal.MailIntakeProcessor;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.ProcessUnderTest;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of "mail-review" (メール内容の確認): with and without the 受付確認 auto-reply; the clerk accepts the mail as
 * a request (first with a mistake, which comes back with the reasons), answers it, or closes it as needing nothing.
 * The coverage report (target/process-test-coverage) must show every flow node and sequence flow.
 */
@ProcessUnderTest("mail-review")
class MailReviewProcessTest extends ProcessTestFixture {

    @Autowired
    MailIntakeProcessor processor;

    String run;

    @BeforeEach
    void setUp() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anAttachmentOnlyMailIsAcceptedAsARequestAfterTheClerkCorrectsAMistake() throws Exception {
        String messageId = "<scan-" + run + "@example.jp>";
        byte[] raw = ("From: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString("奥尻 一郎".getBytes(StandardCharsets.UTF_8))
                + "?= <ichiro-" + run + "@example.jp>\r\nSubject: scan\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: application/pdf; name=todoke.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--x--\r\n").getBytes(StandardCharsets.US_ASCII);
        ProcessInstance pi = reviewOf(messageId, raw);
        assertThat(pi).isStarted().isWaitingAt("Task_SendAutoReply");
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Gateway_AutoReply", "Task_SendAutoReply", "Gateway_AutoReplyDone")
                .isWaitingAt("Task_ReviewMail");
        assertThat(task(pi)).hasName("メール内容の確認").hasCandidateGroup(OKUSHIRI + "-clerks");
        assertThat(subjectsTo("ichiro-" + run + "@example.jp")).anyMatch(s -> s.contains("読み取れませんでした"));

        // the clerk types the request from the scanned form, with an impossible birth date first
        Map<String, Object> form = validForm();
        form.put("filerBirthDate", "1980-02-30");
        form.put("reviewDecision", "ACCEPT");
        complete(task(pi), form);
        assertThat(pi).hasPassed("Task_SubmitRequest", "Event_RequestInvalid").isWaitingAt("Task_ReviewMail");
        assertThat(pi).variables().containsKey("fieldErrors");
        assertThat((String) runtimeService.getVariable(pi.getId(), "fieldErrors")).contains("filer.birthDate");

        form.put("filerBirthDate", "1980-04-01");
        complete(task(pi), form);
        assertThat(pi).hasPassed("End_RequestAccepted").isEnded();
        String receipt = (String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("receiptNumber").singleResult().getValue();
        assertThat(receipt).startsWith(OKUSHIRI + "-2026-");
        assertThat(jdbc.sql("select source_ref from transfer_out_request where receipt_number = :r").param("r", receipt)
                .query(String.class).single()).isEqualTo(messageId + "#review");
        assertThat(jdbc.sql("select file_name from case_document where receipt_number = :r").param("r", receipt)
                .query(String.class).list()).containsExactly("todoke.pdf");
        assertThat(mailRow(messageId)).containsEntry("STATUS", "CASE_STARTED").containsEntry("RECEIPT_NUMBER", receipt);
    }

    @Test
    void anAutomaticMailGetsNoAutoReplyAndTheClerkAnswersIt() throws Exception {
        String messageId = "<auto-" + run + "@example.jp>";
        String sender = "auto-" + run + "@example.jp";
        byte[] raw = ("From: " + sender + "\r\nAuto-Submitted: auto-replied\r\nSubject: =?UTF-8?B?"
                + java.util.Base64.getEncoder().encodeToString("不在のお知らせ".getBytes(StandardCharsets.UTF_8))
                + "?=\r\nMessage-ID: " + messageId + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "12月1日まで不在です。").getBytes(StandardCharsets.UTF_8);
        ProcessInstance pi = reviewOf(messageId, raw);
        assertThat(pi).hasPassed("Gateway_AutoReply", "Gateway_AutoReplyDone").hasNotPassed("Task_SendAutoReply")
                .isWaitingAt("Task_ReviewMail");

        complete(task(pi), withVariables("reviewDecision", "ANSWER", "answerText", "転出届の書き方は、ホームページをご覧ください。"));
        assertThat(pi).isWaitingAt("Task_SendAnswer");
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_SendAnswer", "Task_RecordAnswered", "End_Answered").isEnded();
        assertThat(subjectsTo(sender)).containsExactly("【奥尻町】お問い合わせへの回答");
        assertThat(mailRow(messageId)).containsEntry("STATUS", "ANSWERED");
        assertThat((String) mailRow(messageId).get("REASON")).contains("ホームページをご覧ください");
    }

    @Test
    void spamIsClosedWithTheReasonRecorded() throws Exception {
        String messageId = "<spam-" + run + "@example.jp>";
        byte[] raw = ("From: win@example.com\r\nSubject: You won\r\nMessage-ID: " + messageId
                + "\r\nContent-Type: text/html; charset=us-ascii\r\n\r\n<p>Click here</p>").getBytes(StandardCharsets.US_ASCII);
        ProcessInstance pi = reviewOf(messageId, raw);
        executeDueJobs(pi);
        assertThat(pi).isWaitingAt("Task_ReviewMail");
        complete(task(pi), withVariables("reviewDecision", "DISMISS", "dismissReason", "迷惑メール"));
        assertThat(pi).hasPassed("Gateway_ReviewOutcome", "Task_RecordDismissal", "End_Dismissed").isEnded();
        assertThat(mailRow(messageId)).containsEntry("STATUS", "DISMISSED").containsEntry("REASON", "対応不要: 迷惑メール");
    }

    private ProcessInstance reviewOf(String messageId, byte[] raw) {
        assertThat(processor.process(OKUSHIRI, raw, Instant.parse("2026-11-26T00:30:00Z")))
                .isEqualTo(MailIntakeProcessor.Outcome.REVIEW);
        String pid = (String) mailRow(messageId).get("REVIEW_PROCESS_ID");
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult();
        assertThat(pi.getProcessDefinitionId()).startsWith(process() + ":");
        assertThat(pi.getTenantId()).isEqualTo(OKUSHIRI);
        return pi;
    }

    private Map<String, Object> mailRow(String messageId) {
        return jdbc.sql("select status, receipt_number, review_process_id, reason from intake_mail where message_id = :id")
                .param("id", messageId).query().singleRow();
    }

    private static Map<String, Object> validForm() {
        Map<String, Object> v = new HashMap<>();
        v.put("plannedMoveOutDate", "2026-12-10");
        v.put("filerName", "奥尻 一郎");
        v.put("filerNameKana", "オクシリ イチロウ");
        v.put("filerRelation", "本人");
        v.put("currentAddress", "北海道奥尻郡奥尻町字奥尻1番地");
        v.put("headOfHousehold", "奥尻 一郎");
        v.put("newMunicipalityCode", HAKODATE);
        v.put("newAddress", "北海道函館市東雲町4番13号");
        v.put("newHeadOfHousehold", "奥尻 一郎");
        v.put("moversText", "奥尻 一郎, オクシリ イチロウ, 1980-04-01, 男, 世帯主");
        v.put("cardHolderNumber", "1");
        v.put("cardType", "MY_NUMBER");
        v.put("continuedUse", "true");
        v.put("phone", "01397-2-0000");
        return v;
    }
}
