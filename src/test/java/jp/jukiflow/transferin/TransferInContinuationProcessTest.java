package jp.jukiflow.transferin;

import static jp.jukiflow.support.TestMailServer.body;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardContinuations;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.ContinuationStatus;
import jp.jukiflow.support.DemoMovers.Person;
import jp.jukiflow.support.TestClock;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * "transfer-in-with-card" calling the card's continuation (process card-continuation): continued or refused for a full
 * 追記欄 and reported in the completion mail, and called after closing time without the counter refusing it.
 */
@DisplayName("カード持参の転入: 継続利用 / Transfer-in with the card: its continuation")
class TransferInContinuationProcessTest extends TransferInFixture {

    /**
     * The 転入通知 goes out in a job, here after closing time, and calls the continuation then: the called instance does
     * not check the counter again (the resident filed at the counter the transfer-in checked) and asks for the PIN.
     */
    @Test
    void aContinuationCalledAfterClosingTimeIsNotRefusedByTheCounter() {
        Person p = freshPerson();
        ProcessInstance out = transferOutWaitingForMoveIn(p, "after-closing");
        Map<String, Object> form = startForm(p.card());
        form.put("originReceiptNumber", out.getBusinessKey());
        ProcessInstance pi = startAsClerk(HAKODATE, form);
        pinRequests.submit((String) variable(pi, "pinRequestId"), DEMO_PIN);
        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_RecordTransferIn");
        complete(task(pi));
        // Thursday 18:00 JST: the counter is closed when the job sends the notice and calls the continuation
        TestClock.of(clock).at(Instant.parse("2026-11-26T09:00:00Z"), () -> {
            executeDueJobs(pi);
            return null;
        });
        assertThat(pi).hasPassed("Task_SendMoveInNotice").isWaitingAt("Task_CardContinuation");
        ProcessInstance continuation = calledContinuation(pi);
        assertThat(continuation).hasPassed("Task_CheckCounter", "Task_OpenPinRequest").isWaitingAt("Task_ConfirmPin");
        runtimeService.deleteProcessInstance(pi.getId(), "test");
        executeDueJobs(out);
        assertThat(out).isEnded();
    }

    @Test
    void continuationWantedContinuesTheCardInHakodateRightAfterTheTransferIn() throws Exception {
        Person p = personWithValidMyNumberCard(12);
        ProcessInstance out = transferOutWaitingForMoveIn(p, "continued");
        Card before = cards.find(p.card()).orElseThrow();
        assertThat(before.managingMunicipalityCode()).isEqualTo(OKUSHIRI);
        ProcessInstance pi = specialTransferInWaitingForTheContinuation(p, out.getBusinessKey());
        String transferInPinRequest = (String) variable(pi, "pinRequestId");

        // the continuation runs as its own instance in 函館市 with only what it needs: it asks for the PIN again
        ProcessInstance continuation = calledContinuation(pi);
        assertThat(continuation.getTenantId()).isEqualTo(HAKODATE);
        assertThat(continuation).isWaitingAt("Task_ConfirmPin");
        assertThat(task(continuation)).hasCandidateGroup(HAKODATE + "-clerks");
        Map<String, Object> passedIn = runtimeService.getVariables(continuation.getId());
        assertThat(passedIn).containsEntry("cardNumber", p.card()).containsEntry("newAddress", "北海道函館市五稜郭町1番1号")
                .containsEntry("abroad", false).doesNotContainKeys("pinResult", "email", "residentEmail", "route")
                .doesNotContainValue(transferInPinRequest);
        pinRequests.submit((String) passedIn.get("pinRequestId"), DEMO_PIN);
        complete(task(continuation));
        assertThat(continuation).isWaitingAt("Task_WriteEndorsement");
        assertThat(continuation).variables().containsEntry("pinResult", "OK").containsEntry("specialTransferIn", true)
                .containsEntry("eligible", true).containsEntry("residentCode", p.code()).doesNotContainValue(DEMO_PIN);
        complete(task(continuation), Map.of("endorsementWritten", true));

        // the continuation mailed nobody (no address given to it); the transfer-in's completion mail tells both
        assertThat(continuation).hasPassed("Task_ApplyContinuation", "End_Continued").hasNotPassed("Task_MailContinued")
                .isEnded();
        assertThat(pi).hasPassed("Task_CardContinuation", "Gateway_ContinuationDone").isWaitingAt("Task_MailRegistered");
        assertThat(pi).variables().containsEntry("continuationOutcome", "CONTINUED")
                .containsEntry("pinRequestId", transferInPinRequest).doesNotContainKey("endorsementWritten");
        Card after = cards.find(p.card()).orElseThrow();
        assertThat(after.managingMunicipalityCode()).isEqualTo(HAKODATE);
        assertThat(after.freeEndorsementLines()).isEqualTo(before.freeEndorsementLines() - 1);
        List<CardEvent> events = cards.events(after.id());
        assertThat(events.get(events.size() - 1)).satisfies(e -> {
            assertThat(e.eventType()).isEqualTo(CardContinuations.EVENT_CONTINUED);
            assertThat(e.detail()).contains("北海道函館市五稜郭町1番1号");
        });
        assertThat(continuations.history(p.card())).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(ContinuationStatus.CONTINUED));

        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_MailRegistered", "End_Registered").isEnded();
        MimeMessage mail = singleMailTo(p.email());
        assertThat(mail.getSubject()).isEqualTo("【函館市】転入の手続きが完了しました");
        assertThat(body(mail)).contains("新しい住所: 北海道函館市五稜郭町1番1号", "本日、窓口でカードの継続利用の手続きが完了しました",
                        "これからは函館市がカードを管理します", "改めての手続きは不要です")
                .doesNotContain("90日", "カードは失効", "手続きができませんでした");
        executeDueJobs(out);
        assertThat(cases.find(out.getBusinessKey()).orElseThrow().statusCode()).isEqualTo("COMPLETED");
    }

    @Test
    void aContinuationRefusedForAFullEndorsementFieldIsExplainedInTheCompletionMail() throws Exception {
        Person p = personWithValidMyNumberCard(13);
        ProcessInstance out = transferOutWaitingForMoveIn(p, "refused");
        // every line of the card's 追記欄 is already used
        jdbc.sql("update card set free_endorsement_lines = 0 where card_number = ?").param(p.card()).update();
        ProcessInstance pi = specialTransferInWaitingForTheContinuation(p, out.getBusinessKey());

        ProcessInstance continuation = calledContinuation(pi);
        pinRequests.submit((String) runtimeService.getVariable(continuation.getId(), "pinRequestId"), DEMO_PIN);
        complete(task(continuation));
        assertThat(continuation).variables().containsEntry("freeLines", 0).containsEntry("eligible", false);
        assertThat(continuation).isWaitingAt("Task_ExplainRefusal");
        complete(task(continuation));
        assertThat(continuation).hasPassed("End_Refused").hasNotPassed("Task_MailRefused").isEnded();

        assertThat(pi).variables().containsEntry("continuationOutcome", "REFUSED")
                .hasEntrySatisfying("continuationReason", v -> assertThat((String) v).contains("追記欄に空きがない"));
        Card card = cards.find(p.card()).orElseThrow();
        assertThat(card.managingMunicipalityCode()).isEqualTo(OKUSHIRI);
        assertThat(card.freeEndorsementLines()).isZero();
        assertThat(continuations.pending(p.card())).isPresent();
        executeDueJobs(pi);
        assertThat(pi).hasPassed("Task_CardContinuation", "Task_MailRegistered", "End_Registered").isEnded();
        assertThat(body(singleMailTo(p.email()))).contains("転入の手続きが完了しました",
                "次の理由により、手続きができませんでした",
                "理由: カードの追記欄に空きがないため、継続利用の記載ができません。カードの再交付についてご相談ください。",
                "転入届の日から90日を過ぎると、カードは失効し", "期限: 2027年2月24日（水）まで")
                .doesNotContain("がカードを管理します");
    }
}
