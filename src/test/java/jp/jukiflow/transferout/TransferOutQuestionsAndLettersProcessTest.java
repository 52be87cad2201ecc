package jp.jukiflow.transferout;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import jp.jukiflow.support.DemoMovers.Person;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * "transfer-out-by-mail" when the clerk asks the resident (answered by post then rejected, answered by mail, reminded
 * and closed unanswered) and for a posted letter a clerk types in Tasklist (corrected; sent back for a 転居).
 */
@DisplayName("転出届: 住民への照会と郵送の届書 / Transfer-out: questions and posted letters")
class TransferOutQuestionsAndLettersProcessTest extends TransferOutFixture {

    // ---- asking the resident ----

    @Test
    void askedResidentAnswersByPostThenTheRequestIsRejected() {
        Person p = personWithValidMyNumberCard(3);
        ProcessInstance pi = reviewed(p, "ask-post");
        complete(task(pi), withVariables("reviewDecision", "ASK", "missingInfo", "本人確認書類の写しを送ってください。"));
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_MailMissingInfo").isWaitingAt("Task_AwaitAdditionalInfo");
        assertThat(status(pi)).isEqualTo("WAITING_FOR_RESIDENT");
        assertThat(pi).variables().containsEntry("answerBy", "2026-12-10");
        complete(task(pi), withVariables("additionalInfo", "運転免許証の写しが郵送で届いた"));
        executeDueJobs(pi);
        assertThat(pi).isWaitingAt("Task_ReviewRequest");
        complete(task(pi), withVariables("reviewDecision", "REJECT", "rejectionReason", "委任状がありません。"));
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_MailRejection", "End_Rejected").isEnded();
        assertThat(status(pi)).isEqualTo("REJECTED");
    }

    @Test
    void askedResidentAnswersByMail() {
        Person p = personWithValidMyNumberCard(4);
        ProcessInstance pi = reviewed(p, "ask-mail");
        complete(task(pi), withVariables("reviewDecision", "ASK", "missingInfo", "新住所の番地を教えてください。"));
        executeDueJobs(pi);
        runtimeService.createMessageCorrelation("TransferOutAdditionalInfo").processInstanceBusinessKey(receipt(pi))
                .setVariable("additionalInfo", "五稜郭町1番1号です").correlate();
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Event_AdditionalInfoMailed").isWaitingAt("Task_ReviewRequest");
    }

    @Test
    void unansweredQuestionIsRemindedThenClosed() {
        Person p = personWithValidMyNumberCard(5);
        ProcessInstance pi = reviewed(p, "ask-silent");
        complete(task(pi), withVariables("reviewDecision", "ASK", "missingInfo", "カードの写しを送ってください。"));
        executeDueJobs(pi);
        fireTimer(pi, "Event_ReminderDue");
        assertThat(pi).hasPassed("Task_MailReminder", "End_ReminderSent").isWaitingAt("Task_AwaitAdditionalInfo");
        fireTimer(pi, "Event_AnswerOverdue");
        assertThat(pi).hasPassed("Task_MailClosedIncomplete", "End_ClosedIncomplete").isEnded();
        assertThat(status(pi)).isEqualTo("CLOSED_INCOMPLETE");
    }

    // ---- paper channel: a clerk types a posted letter in Tasklist ----

    @Test
    void clerkTypesAPostedLetterAndCorrectsAMistake() {
        Person p = personWithValidMyNumberCard(6);
        Map<String, Object> letter = paperForm(p);
        letter.put("filerBirthDate", "1980-02-30");
        ProcessInstance pi = startAsDemoClerk(OKUSHIRI, letter);
        assertThat(pi).hasPassed("Event_PaperRequestEntered", "Event_PaperRequestInvalid")
                .isWaitingAt("Task_CorrectPaperRequest");
        assertThat(pi).variables().hasEntrySatisfying("validationErrors",
                v -> assertThat((String) v).contains("届出人の生年月日"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getTenantId())
                .isEqualTo(OKUSHIRI);

        complete(task(pi), withVariables("filerBirthDate", p.birthDate()));
        assertThat(pi).hasPassed("Task_RegisterPaperRequest");
        String receipt = (String) runtimeService.getVariable(pi.getId(), "receiptNumber");
        assertThat(receipt).startsWith(OKUSHIRI + "-2026-");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey())
                .isEqualTo(receipt);
        assertThat(cases.find(receipt)).get().extracting(c -> c.channel()).isEqualTo("PAPER");
        executeDueJobs(pi);
        assertThat(pi).isWaitingAt("Task_ReviewRequest");
    }

    @Test
    void aPostedLetterToTheOriginItselfGoesBackToTheClerkWithTheTenkyoReasonAndNoNumber() {
        Person p = personWithValidMyNumberCard(8);
        Map<String, Object> letter = paperForm(p);
        letter.put("newMunicipalityCode", OKUSHIRI);
        ProcessInstance pi = startAsDemoClerk(OKUSHIRI, letter);
        assertThat(pi).hasPassed("Event_PaperRequestInvalid").isWaitingAt("Task_CorrectPaperRequest");
        assertThat(pi).variables().doesNotContainKey("receiptNumber").hasEntrySatisfying("validationErrors",
                v -> assertThat((String) v).contains("転居届"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey())
                .isNull();
    }
}
