package jp.jukiflow.suspension;

import static jp.jukiflow.support.EngineRestCalls.variables;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardType;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.support.EngineRestCalls;
import jp.jukiflow.support.EngineRestCalls.Answer;
import jp.jukiflow.support.ProcessTestFixture;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 「一時停止の確認」 of a lost card completed over the engine REST API without the police 受理番号: a refusal of
 * {@code recordSuspensionConfirmation} (a {@code DomainRuleViolation}) answers 400 with the Japanese message in
 * Camunda's error shape, on {@code /engine-rest} (complete and submit-form) and on the engine API Tasklist itself calls
 * ({@code /camunda/api/engine}), and the task stays open with nothing of the attempt kept. With the number it
 * completes (204). A failure that is not a refusal keeps Camunda's 500.
 */
class SuspensionConfirmationRestTest extends ProcessTestFixture {

    static final String CLERK = "okushiri-clerk";

    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher pinHasher;
    @LocalServerPort
    int port;

    EngineRestCalls rest;
    ProcessInstance pi;
    String suspensionNumber;
    String taskId;
    Map<String, Object> variablesBefore;

    @BeforeEach
    void aLostCardReportedAtTheCounter() {
        rest = new EngineRestCalls(port);
        String card = SuspensionTestCards.newCard(cards, jdbc, pinHasher, CardType.MY_NUMBER);
        pi = startAsClerk("card-suspension", OKUSHIRI,
                CardSuspensionProcessTest.report(card, "LOSS"));
        suspensionNumber = (String) runtimeService.getVariable(pi.getId(), "suspensionNumber");
        Task confirm = taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("Task_ConfirmSuspension").singleResult();
        assertThat(confirm.getName()).isEqualTo("一時停止の確認");
        taskId = confirm.getId();
        variablesBefore = runtimeService.getVariables(pi.getId());
    }

    @AfterEach
    void retireTestCards() {
        SuspensionTestCards.retireAll(jdbc);
    }

    @Test
    void withoutThePoliceNumberCompleteAnswers400WithTheJapaneseMessageAndTheTaskStaysOpen() {
        Answer refused = rest.basic(CLERK, "POST", "/task/" + taskId + "/complete",
                Map.of("variables", variables(Map.of("reporterIdentityConfirmed", true))));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode error = refused.json();
        assertThat(error.get("type").asText()).isEqualTo("DomainRuleViolation");
        assertThat(error.get("message").asText()).contains("受理番号", "紛失");
        assertThat(error.get("jukiflowCode").asText()).isEqualTo("POLICE_RECEIPT_NUMBER_MISSING");
        assertThat(error.has("code")).isTrue();
        assertNothingKept();

        Answer completed = rest.basic(CLERK, "POST", "/task/" + taskId + "/complete", Map.of("variables",
                variables(Map.of("reporterIdentityConfirmed", true, "policeReceiptNumber", "第２０２６－０００１２３号"))));

        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getEndTime()).isNotNull();
        assertThat(policeNumberOnRecord()).isEqualTo("2026-000123");
    }

    @Test
    void submitFormAsTheTasklistFormSendsItAnswers400ForEachRefusalOfTheCheck() {
        // the form sends every field: an empty 受理番号, then one that is no number, then the box left unticked
        Map<String, Object> form = new HashMap<>(Map.of("reporterIdentityConfirmed", true, "policeReceiptNumber", ""));
        assertRefused(rest.basic(CLERK, "POST", "/task/" + taskId + "/submit-form", Map.of("variables", variables(form))),
                "POLICE_RECEIPT_NUMBER_MISSING", "受理番号");
        form.put("policeReceiptNumber", "受理済み");
        assertRefused(rest.basic(CLERK, "POST", "/task/" + taskId + "/submit-form", Map.of("variables", variables(form))),
                "POLICE_RECEIPT_NUMBER_FORMAT", "受理番号");
        form.put("reporterIdentityConfirmed", false);
        assertRefused(rest.basic(CLERK, "POST", "/task/" + taskId + "/submit-form", Map.of("variables", variables(form))),
                "REPORTER_IDENTITY_NOT_CONFIRMED", "本人確認");
        assertNothingKept();
    }

    @Test
    void tasklistsOwnEngineApiAnswers400WithTheJapaneseMessageToo() {
        EngineRestCalls.TasklistSession tasklist = rest.tasklist(CLERK);
        Map<String, Object> form = Map.of("reporterIdentityConfirmed", true, "policeReceiptNumber", "");

        Answer refused = tasklist.engine("POST", "/task/" + taskId + "/submit-form", Map.of("variables", variables(form)));

        assertRefused(refused, "POLICE_RECEIPT_NUMBER_MISSING", "受理番号");
        assertNothingKept();

        Answer completed = tasklist.engine("POST", "/task/" + taskId + "/submit-form", Map.of("variables",
                variables(Map.of("reporterIdentityConfirmed", true, "policeReceiptNumber", "2026-000123"))));
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
    }

    @Test
    void aFailureThatIsNoRefusalKeepsCamundasInternalServerError() {
        // a reason the delegate does not know: SuspensionReason.valueOf fails, a bug and not a refusal
        Answer failed = rest.basic(CLERK, "POST", "/task/" + taskId + "/complete", Map.of("variables", variables(Map.of(
                "reporterIdentityConfirmed", true, "policeReceiptNumber", "2026-000123", "suspensionReason", "NO_SUCH_REASON"))));

        assertThat(failed.status()).as(failed.body()).isEqualTo(500);
        assertThat(failed.json().get("type").asText()).isEqualTo("IllegalArgumentException");
        assertThat(failed.json().has("jukiflowCode")).isFalse();
        assertNothingKept();
    }

    private static void assertRefused(Answer answer, String code, String messagePart) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("type").asText()).isEqualTo("DomainRuleViolation");
        assertThat(answer.json().get("jukiflowCode").asText()).isEqualTo(code);
        assertThat(answer.json().get("message").asText()).contains(messagePart);
    }

    /** The task is open and unclaimed, no variable of the attempt was kept, the suspension still waits for its check. */
    private void assertNothingKept() {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task).isNotNull();
        assertThat(task.getAssignee()).isNull();
        HistoricTaskInstance history = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        assertThat(history.getEndTime()).isNull();
        assertThat(history.getDeleteReason()).isNull();
        assertThat(runtimeService.getVariables(pi.getId())).isEqualTo(variablesBefore)
                .doesNotContainKey("reporterIdentityConfirmed");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("reporterIdentityConfirmed").count()).isZero();
        assertThat(policeNumberOnRecord()).isNull();
        assertThat(jdbc.sql("select status from card_suspension where suspension_number = ?").param(suspensionNumber)
                .query(String.class).single()).isEqualTo("SUSPENDED");
    }

    private String policeNumberOnRecord() {
        return jdbc.sql("select police_receipt_number from card_suspension where suspension_number = ?")
                .param(suspensionNumber).query(String.class).list().get(0);
    }
}
