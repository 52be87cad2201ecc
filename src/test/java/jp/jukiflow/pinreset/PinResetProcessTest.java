package jp.jukiflow.pinreset;

import static jp.jukiflow.card.PinTestCards.PIN;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.pin.NewPinRequest;
import jp.jukiflow.pin.NewPinRequests;
import jp.jukiflow.pin.NewPinResult;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.PinVerification;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.support.WithoutIdentifiers;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * "pin-reset" at the counter with the holder in person: a locked card becomes usable (the new PIN verifies, the old one
 * is wrong), a guessable PIN and a mismatch refused on the way, a resident who gives up, an identity not confirmed, the
 * new town resetting a card the origin still manages; refused at the start for a card managed by 函館市 and for an
 * abolished or suspended card. The agent's path is in {@link PinResetByAgentProcessTest}.
 */
@DisplayName("暗証番号の再設定: 本人の来庁 / PIN reset in person")
class PinResetProcessTest extends PinResetFixture {

    @Test
    void inPersonALockedCardBecomesUsableWithTheNewPinAndTheOldOneIsWrong() {
        String card = newCard(OKUSHIRI);
        lock(card);
        Card locked = cards.find(card).orElseThrow();
        assertThat(locked.pin().locked()).isTrue();

        ProcessInstance pi = startAsClerk(OKUSHIRI, startForm(card, "HOLDER"));
        assertThat(pi).hasPassed("Event_ResetRequested", "Gateway_Visitor").isWaitingAt("Task_CheckIdentity");
        assertThat(task(pi)).hasName("本人確認").hasCandidateGroup(OKUSHIRI + "-clerks");
        assertThat(pi).variables().containsEntry("residentCode", locked.holderResidentCode());
        // the task list tells the case apart: 受付番号, the holder's name (from the register), 受付日
        String holderName = jdbc.sql("select family_name || '　' || given_name from resident where resident_code = ?")
                .param(locked.holderResidentCode()).query(String.class).single();
        assertThat(pi).variables().containsEntry("caseNumber", pi.getBusinessKey())
                .containsEntry("caseName", holderName).containsEntry("caseReceivedOn", "2026年11月26日（木）");
        complete(task(pi), Map.of("identityConfirmed", true));

        assertThat(pi).hasPassed("Gateway_IdentityConfirmed", "Task_OpenNewPinRequest").isWaitingAt("Task_SetNewPin");
        assertThat(task(pi)).hasName("新しい暗証番号の設定").hasCandidateGroup(OKUSHIRI + "-clerks");
        String request = newPinRequestId(pi);
        assertThat(runtimeService.getVariable(pi.getId(), "newPinPadUrl")).isEqualTo("/staff/new-pin-pad/" + request);
        // the clock stands at 2026-11-26 10:00 JST; a request is open for ten minutes
        assertThat(runtimeService.getVariable(pi.getId(), "pinRequestValidUntil")).isEqualTo("11月26日 10:10 まで");
        String newPin = goodPin(locked);
        NewPinResult result = newPins.submit(request, newPin, newPin);
        assertThat(result.set()).isTrue();
        assertThat(result.messageJa()).contains("新しい暗証番号を設定しました");
        complete(task(pi));

        assertThat(pi).hasPassed("Gateway_PinSet", "End_Reset").isEnded();
        assertThat(pi).variables().containsEntry("newPinResult", "SET").containsEntry("pinResetOutcome", "RESET");
        Card after = cards.find(card).orElseThrow();
        assertThat(after.pin().locked()).isFalse();
        assertThat(after.pin().consecutiveFailures()).isZero();
        assertThat(after.pin().pinHash()).isNotEqualTo(locked.pin().pinHash());
        assertThat(hasher.matches(newPin, after.pin().pinHash())).isTrue();
        CardEvent event = lastEvent(after);
        assertThat(event.eventType()).isEqualTo(NewPinRequests.EVENT_PIN_RESET);
        assertThat(WithoutIdentifiers.of(event.reason() + event.detail())).contains("暗証番号の再設定").doesNotContain(newPin);

        // the card is usable again: the new PIN verifies, the old one is wrong
        String wrong = pinRequests.open(card, PinPurpose.IDENTITY_CHECK, OKUSHIRI, "test").id();
        assertThat(pinRequests.submit(wrong, PIN).outcome()).isEqualTo(PinVerification.Outcome.WRONG);
        String right = pinRequests.open(card, PinPurpose.IDENTITY_CHECK, OKUSHIRI, "test").id();
        assertThat(pinRequests.submit(right, newPin).outcome()).isEqualTo(PinVerification.Outcome.OK);

        assertNoPinInHistory(pi, newPin);
    }

    @Test
    void aGuessablePinIsRefusedWithTheReasonAMismatchTooThenAGoodOneIsSet() {
        String card = newCard(OKUSHIRI);
        ProcessInstance pi = startAsClerk(OKUSHIRI, startForm(card, "HOLDER"));
        complete(task(pi), Map.of("identityConfirmed", true));
        String request = newPinRequestId(pi);

        NewPinResult guessable = newPins.submit(request, "1234", "1234");
        assertThat(guessable.set()).isFalse();
        assertThat(guessable.code()).isEqualTo("PIN_ASCENDING_RUN");
        assertThat(guessable.messageJa()).contains("1ずつ増える連続した数字", "推測されやすい");
        Card holder = cards.find(card).orElseThrow();
        String newPin = goodPin(holder);
        NewPinResult mismatch = newPins.submit(request, newPin, otherGoodPin(holder, newPin));
        assertThat(mismatch.set()).isFalse();
        assertThat(mismatch.code()).isEqualTo(NewPinResult.MISMATCH);
        assertThat(mismatch.messageJa()).contains("一致しません");
        assertThat(newPins.outcome(request)).contains(NewPinRequest.State.PENDING);
        assertThat(cards.find(card).orElseThrow().pin().pinHash()).isEqualTo(holder.pin().pinHash());

        assertThat(newPins.submit(request, newPin, newPin).set()).isTrue();
        assertThat(newPins.get(request).attempts()).isEqualTo(3);
        assertThatThrownBy(() -> newPins.submit(request, newPin, newPin)).isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("設定済み");
        complete(task(pi));
        assertThat(pi).hasPassed("End_Reset").isEnded();
        assertNoPinInHistory(pi, newPin);
    }

    @Test
    void theResidentGivesUpAndTheCardStaysAsItWas() {
        String card = newCard(OKUSHIRI);
        lock(card);
        ProcessInstance pi = startAsClerk(OKUSHIRI, startForm(card, "HOLDER"));
        complete(task(pi), Map.of("identityConfirmed", true));
        newPins.submit(newPinRequestId(pi), "0000", "0000");
        complete(task(pi));
        assertThat(pi).hasPassed("Gateway_PinSet", "End_NotSet").hasNotPassed("End_Reset").isEnded();
        assertThat(pi).variables().containsEntry("newPinResult", "NOT_SET").containsEntry("pinResetOutcome", "NOT_SET");
        assertThat(cards.find(card).orElseThrow().pin().locked()).isTrue();
    }

    @Test
    void anIdentityNotConfirmedEndsTheCaseWithoutAPinRequest() {
        String card = newCard(OKUSHIRI);
        ProcessInstance pi = startAsClerk(OKUSHIRI, startForm(card, "HOLDER"));
        complete(task(pi), Map.of("identityConfirmed", false));
        assertThat(pi).hasPassed("End_IdentityNotConfirmed").hasNotPassed("Task_OpenNewPinRequest").isEnded();
        assertThat(pi).variables().containsEntry("pinResetOutcome", "IDENTITY_NOT_CONFIRMED")
                .doesNotContainKey("newPinRequestId");
    }

    @Test
    void theNewTownResetsALockedPinOfACardTheOriginStillManages() {
        // after a special transfer-in to 函館市, before the continuation: 奥尻町 still manages the card (docs/domain.md §3)
        String card = newCard(HAKODATE);
        jdbc.sql("update card set managing_municipality_code = ? where card_number = ?").params(OKUSHIRI, card).update();
        lock(card);
        ProcessInstance pi = startAsClerk(HAKODATE, startForm(card, "HOLDER"));
        assertThat(task(pi)).hasName("本人確認").hasCandidateGroup(HAKODATE + "-clerks");
        complete(task(pi), Map.of("identityConfirmed", true));
        assertThat(pi).isWaitingAt("Task_SetNewPin");
        String newPin = goodPin(cards.find(card).orElseThrow());
        assertThat(newPins.submit(newPinRequestId(pi), newPin, newPin).set()).isTrue();
        complete(task(pi));
        assertThat(pi).hasPassed("End_Reset").isEnded();
        Card after = cards.find(card).orElseThrow();
        assertThat(after.pin().locked()).isFalse();
        assertThat(after.managingMunicipalityCode()).isEqualTo(OKUSHIRI);
    }

    @Test
    void refusedForACardManagedByAnotherMunicipality() {
        String card = newCard(HAKODATE);
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(process()).count();
        assertThatThrownBy(() -> startAsClerk(OKUSHIRI, startForm(card, "HOLDER")))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("函館市")
                .hasMessageContaining("カードを管理する市区町村か、所持者の住所地の市区町村の窓口");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(process()).count()).isEqualTo(before);
    }

    @Test
    void refusedForAnAbolishedCard() {
        String card = newCard(OKUSHIRI);
        jdbc.sql("update card set status = 'ABOLISHED' where card_number = ?").param(card).update();
        assertThatThrownBy(() -> startAsClerk(OKUSHIRI, startForm(card, "AGENT")))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.code()).isEqualTo("CARD_ABOLISHED"))
                .hasMessageContaining("廃止されているため").hasMessageContaining("新しいマイナンバーカードの交付を申請");
        // a suspended card is lifted first (the found card and a photo ID), then its PIN may be reset
        String suspended = newCard(OKUSHIRI);
        jdbc.sql("update card set status = 'SUSPENDED' where card_number = ?").param(suspended).update();
        assertThatThrownBy(() -> startAsClerk(OKUSHIRI, startForm(suspended, "HOLDER")))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.code()).isEqualTo("CARD_SUSPENDED"))
                .hasMessageContaining("一時停止の解除を受けてください");
        jdbc.sql("update card set status = 'ABOLISHED' where card_number = ?").param(suspended).update();
        assertThatThrownBy(() -> startAsClerk(OKUSHIRI, startForm("NO-SUCH-CARD", "HOLDER")))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("登録されていません");
    }
}
