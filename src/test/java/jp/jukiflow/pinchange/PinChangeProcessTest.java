package jp.jukiflow.pinchange;

import static jp.jukiflow.card.PinTestCards.PIN;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.NewPinRequests;
import jp.jukiflow.pin.NewPinResult;
import jp.jukiflow.pin.PinVerification;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.support.WithoutIdentifiers;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * "pin-change" at the counter: the current PIN on the PIN pad, then the new PIN twice (a guessable one refused on the
 * way); a wrong and a missing entry asked again; three wrong entries lock the card and the clerk points the holder to
 * the reset; a card suspended since the start; a holder who gives up; and the refused starts (a locked card pointed to
 * 「暗証番号の再設定」, a card of another town, an abolished or unknown card, missing input, a branch that does not take
 * the change), each with its stable code and nothing stored.
 */
@DisplayName("暗証番号の変更 / PIN change")
class PinChangeProcessTest extends PinChangeFixture {

    @Test
    void theCurrentPinThenTheNewOneTwiceChangesThePin() {
        String card = newCard(OKUSHIRI);
        Card before = cards.find(card).orElseThrow();
        ProcessInstance pi = startAsClerk(OKUSHIRI, startForm(card));
        assertThat(pi).hasPassed("Event_ChangeRequested", "Task_OpenPinRequest").isWaitingAt("Task_ConfirmPin");
        assertThat(pi.getBusinessKey()).isNotBlank();
        assertThat(task(pi)).hasName("現在の暗証番号の確認").hasCandidateGroup(OKUSHIRI + "-clerks");
        assertThat(pi).variables().containsEntry("residentCode", before.holderResidentCode())
                .containsEntry("caseNumber", pi.getBusinessKey());
        String request = pinRequestId(pi);
        assertThat(variable(pi, "pinPadUrl")).isEqualTo("/staff/pin-pad/" + request);
        assertThat(variable(pi, "pinRequestValidUntil")).isEqualTo("11月26日 10:10 まで");
        assertThat(pinRequests.submit(request, PIN).outcome()).isEqualTo(PinVerification.Outcome.OK);
        complete(task(pi));

        assertThat(pi).hasPassed("Gateway_PinResult", "Task_OpenNewPinRequest").isWaitingAt("Task_SetNewPin");
        assertThat(task(pi)).hasName("新しい暗証番号の設定").hasCandidateGroup(OKUSHIRI + "-clerks");
        String newRequest = newPinRequestId(pi);
        assertThat(variable(pi, "newPinPadUrl")).isEqualTo("/staff/new-pin-pad/" + newRequest);
        NewPinResult guessable = newPins.submit(newRequest, "1234", "1234");
        assertThat(guessable.set()).isFalse();
        assertThat(guessable.messageJa()).contains("推測されやすい");
        String newPin = goodPin(before);
        assertThat(newPins.submit(newRequest, newPin, newPin).set()).isTrue();
        complete(task(pi));

        assertThat(pi).hasPassed("Gateway_PinSet", "End_Changed").isEnded();
        assertThat(pi).variables().containsEntry("pinResult", "OK").containsEntry("newPinResult", "SET")
                .containsEntry("pinChangeOutcome", "CHANGED");
        Card after = cards.find(card).orElseThrow();
        assertThat(hasher.matches(newPin, after.pin().pinHash())).isTrue();
        assertThat(hasher.matches(PIN, after.pin().pinHash())).isFalse();
        CardEvent event = lastEvent(after);
        assertThat(event.eventType()).isEqualTo(NewPinRequests.EVENT_PIN_CHANGED);
        assertThat(WithoutIdentifiers.of(event.reason() + event.detail())).contains("暗証番号の変更")
                .doesNotContain(newPin);
        Long audits = jdbc.sql("select count(*) from audit_log where subject_resident_code = ? and purpose like ?")
                .params(after.holderResidentCode(), "%" + PinPurpose.PIN_CHANGE.label() + "%").query(Long.class).single();
        assertThat(audits).isGreaterThanOrEqualTo(2); // the current PIN's check and the change
        String right = pinRequests.open(card, PinPurpose.IDENTITY_CHECK, OKUSHIRI, "test").id();
        assertThat(pinRequests.submit(right, newPin).outcome()).isEqualTo(PinVerification.Outcome.OK);
        assertNoPinInHistory(pi, PIN, newPin);
    }

    @Test
    void aWrongAndAMissingEntryAreAskedAgainAndAHolderWhoGivesUpKeepsThePin() {
        String card = newCard(OKUSHIRI);
        ProcessInstance pi = startAsClerk(OKUSHIRI, startForm(card));
        String first = pinRequestId(pi);
        assertThat(pinRequests.submit(first, "1357").outcome()).isEqualTo(PinVerification.Outcome.WRONG);
        complete(task(pi));
        assertThat(pi).hasPassed("Gateway_PinAgain").isWaitingAt("Task_ConfirmPin");
        assertThat(pi).variables().containsEntry("pinResult", "WRONG");
        assertThat(pinRequestId(pi)).isNotEqualTo(first);
        complete(task(pi)); // nothing keyed
        assertThat(pi).isWaitingAt("Task_ConfirmPin");
        assertThat(pi).variables().containsEntry("pinResult", "NOT_ENTERED");
        assertThat(pinRequests.submit(pinRequestId(pi), PIN).outcome()).isEqualTo(PinVerification.Outcome.OK);
        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_SetNewPin");
        complete(task(pi)); // the holder gave up
        assertThat(pi).hasPassed("End_NotSet").hasNotPassed("End_Changed").isEnded();
        assertThat(pi).variables().containsEntry("newPinResult", "NOT_SET").containsEntry("pinChangeOutcome", "NOT_SET");
        assertThat(hasher.matches(PIN, cards.find(card).orElseThrow().pin().pinHash())).isTrue();
    }

    @Test
    void threeWrongEntriesLockTheCardAndTheClerkPointsToTheReset() {
        String card = newCard(OKUSHIRI);
        ProcessInstance pi = startAsClerk(OKUSHIRI, startForm(card));
        for (int i = 0; i < 3; i++) {
            pinRequests.submit(pinRequestId(pi), "1357");
            complete(task(pi));
        }
        assertThat(pi).hasPassed("Gateway_PinResult").isWaitingAt("Task_PointToReset");
        assertThat(task(pi)).hasName("暗証番号の再設定の案内").hasCandidateGroup(OKUSHIRI + "-clerks");
        assertThat(pi).variables().containsEntry("pinResult", "LOCKED");
        assertThat((String) variable(pi, "refusalReason")).contains("ロック", "「暗証番号の再設定」");
        assertThat(cards.find(card).orElseThrow().pin().locked()).isTrue();
        complete(task(pi));
        assertThat(pi).hasPassed("End_Locked").hasNotPassed("Task_OpenNewPinRequest").isEnded();
        assertThat(pi).variables().containsEntry("pinChangeOutcome", "LOCKED");
    }

    @Test
    void aCardSuspendedSinceTheStartEndsWithTheReason() {
        String card = newCard(OKUSHIRI);
        ProcessInstance pi = startAsClerk(OKUSHIRI, startForm(card));
        jdbc.sql("update card set status = 'SUSPENDED' where card_number = ?").param(card).update();
        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_PointToReset");
        assertThat(pi).variables().containsEntry("pinResult", "CARD_UNUSABLE");
        assertThat((String) variable(pi, "refusalReason")).contains("一時停止");
        complete(task(pi));
        assertThat(pi).hasPassed("End_Locked").isEnded();
        jdbc.sql("update card set status = 'ABOLISHED' where card_number = ?").param(card).update();
    }

    @Test
    void aLockedCardIsRefusedAtTheStartAndPointedToTheReset() {
        String card = newCard(OKUSHIRI);
        String request = pinRequests.open(card, PinPurpose.IDENTITY_CHECK, OKUSHIRI, "test").id();
        for (int i = 0; i < 3; i++) {
            pinRequests.submit(request, "1357");
        }
        Traces before = traces();
        DomainRuleViolation refusal = startRefusal(OKUSHIRI, startForm(card));
        assertThat(refusal.code()).isEqualTo("PIN_LOCKED");
        assertThat(refusal.getMessage()).contains("ロックされているため", "「暗証番号の再設定」");
        assertThat(traces()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedWithAStableCodeAndNothingStored() {
        String card = newCard(OKUSHIRI);
        String elsewhere = newCard(HAKODATE);
        String abolished = newCard(OKUSHIRI);
        jdbc.sql("update card set status = 'ABOLISHED' where card_number = ?").param(abolished).update();
        Traces before = traces();
        assertThat(startRefusal(OKUSHIRI, startForm(" ")).code()).isEqualTo("CARD_NUMBER_REQUIRED");
        Map<String, Object> noDocument = startForm(card);
        noDocument.remove("idDocument");
        assertThat(startRefusal(OKUSHIRI, noDocument).code()).isEqualTo("ID_DOCUMENT_REQUIRED");
        DomainRuleViolation unknown = startRefusal(OKUSHIRI, startForm("NO-SUCH-CARD"));
        assertThat(unknown.code()).isEqualTo("CARD_NOT_FOUND");
        assertThat(unknown.getMessage()).contains("登録されていません");
        DomainRuleViolation managed = startRefusal(OKUSHIRI, startForm(elsewhere));
        assertThat(managed.code()).isEqualTo("CARD_MANAGED_ELSEWHERE");
        assertThat(managed.getMessage()).contains("函館市", "カードを管理する市区町村の窓口");
        DomainRuleViolation gone = startRefusal(OKUSHIRI, startForm(abolished));
        assertThat(gone.code()).isEqualTo("CARD_ABOLISHED");
        assertThat(gone.getMessage()).contains("廃止されているため");
        Map<String, Object> branch = startForm(card);
        branch.put("officeId", "okushiri-aonae");
        assertThat(startRefusal(OKUSHIRI, branch).code()).isEqualTo("COUNTER_NOT_ACCEPTING");
        assertThat(traces()).isEqualTo(before);
    }
}
