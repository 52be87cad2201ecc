package jp.jukiflow.suspension.internal;

import static jp.jukiflow.suspension.CardSuspensionVariables.*;

import java.time.Clock;
import java.time.Instant;

import jp.jukiflow.audit.CurrentActor;
import jp.jukiflow.card.CardStatusChanges;
import jp.jukiflow.shared.DomainRuleViolation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The end of a suspension, in the transaction of the clerk's action: the suspension is closed (a conditional update,
 * which also locks its row) and then the card's status changes in the card module (conditional too). Of a concurrent
 * 解除 and 廃止 exactly one wins, the other gets the Japanese reason and nothing of it is kept. The suspension's row
 * first, then the card's: the same lock order as the clerks' page ({@code CardSuspensionService} locks the suspension
 * before it correlates), also when 「長期停止の確認」 abolishes from Tasklist. Used by {@code liftSuspension} and
 * {@code abolishSuspendedCard}.
 */
@Component
class CloseSuspension {

    private final CardStatusChanges cards;
    private final SuspensionStore store;
    private final CurrentActor actor;
    private final Clock clock;

    CloseSuspension(CardStatusChanges cards, SuspensionStore store, CurrentActor actor, Clock clock) {
        this.cards = cards;
        this.store = store;
        this.actor = actor;
        this.clock = clock;
    }

    void lift(DelegateExecution execution) {
        String number = (String) execution.getVariable(SUSPENSION_NUMBER);
        close(number, Suspension.Status.LIFTED);
        cards.lift((String) execution.getVariable(CARD_NUMBER), "発見・解除（一時停止番号 " + number + "）", detail(execution));
    }

    void abolish(DelegateExecution execution) {
        String number = (String) execution.getVariable(SUSPENSION_NUMBER);
        boolean afterLongWait = DECISION_ABOLISH.equals(execution.getVariable(LONG_SUSPENSION_DECISION));
        close(number, Suspension.Status.ABOLISHED);
        cards.abolish((String) execution.getVariable(CARD_NUMBER),
                (afterLongWait ? "長期停止の確認により廃止" : "廃止届") + "（一時停止番号 " + number + "）", detail(execution));
    }

    private void close(String number, Suspension.Status to) {
        if (!store.close(number, to, Instant.now(clock), actor.id())) {
            throw new DomainRuleViolation("SUSPENSION_CLOSED", "一時停止番号 " + number + " は既に処理済みです。");
        }
    }

    private static String detail(DelegateExecution execution) {
        Object document = execution.getVariable(IDENTITY_DOCUMENT);
        Object note = execution.getVariable(CLOSING_NOTE);
        StringBuilder detail = new StringBuilder();
        if (document != null && !document.toString().isBlank()) {
            detail.append("本人確認書類: ").append(document);
        }
        if (note != null && !note.toString().isBlank()) {
            detail.append(detail.isEmpty() ? "" : " / ").append(note);
        }
        return detail.isEmpty() ? null : detail.toString();
    }
}
