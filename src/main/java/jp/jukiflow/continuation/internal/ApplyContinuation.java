package jp.jukiflow.continuation.internal;

import static jp.jukiflow.continuation.ContinuationVariables.*;

import jp.jukiflow.card.CardContinuations;
import jp.jukiflow.shared.DomainRuleViolation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After the clerk confirmed the new address is written in the 追記欄: the destination takes over the card, one line
 * of the 追記欄 is used and a card event is written ({@link CardContinuations#continueCard}). After an ordinary 転入
 * the card's continuation is first recorded, counted from that 転入届 ({@link CardContinuations#recordPending}).
 */
@Component("applyContinuation")
class ApplyContinuation implements JavaDelegate {

    private final CardContinuations continuations;

    ApplyContinuation(CardContinuations continuations) {
        this.continuations = continuations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!Boolean.TRUE.equals(execution.getVariable(ENDORSEMENT_WRITTEN))) {
            throw new DomainRuleViolation("ENDORSEMENT_NOT_CONFIRMED",
                    "カードの追記欄に新しい住所を記載したことを確認してから完了してください。");
        }
        if (!Boolean.TRUE.equals(execution.getVariable(SPECIAL_TRANSFER_IN))) {
            // after an ordinary 転入 the card awaited nothing here until now: record it, counted from its 転入届
            OrdinaryTransferIn.of(execution).ifPresent(filing -> continuations.recordPending(
                    (String) execution.getVariable(CARD_NUMBER), execution.getTenantId(), filing.filedOn(),
                    "ordinary-transfer-in:" + execution.getProcessInstanceId()));
        }
        continuations.continueCard((String) execution.getVariable(CARD_NUMBER), execution.getTenantId(),
                (String) execution.getVariable(NEW_ADDRESS));
    }
}
