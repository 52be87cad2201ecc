package jp.jukiflow.suspension.internal;

import static jp.jukiflow.suspension.CardSuspensionVariables.*;

import java.time.Clock;
import java.time.Instant;

import jp.jukiflow.shared.DomainRuleViolation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After 「一時停止の確認」: the clerk confirmed the reporter's identity, and for a loss or theft the police 受理番号 is
 * there (typed now if it came later). Otherwise the task cannot be completed and the message says what is missing.
 */
@Component("recordSuspensionConfirmation")
class RecordSuspensionConfirmation implements JavaDelegate {

    private final SuspensionStore store;
    private final Clock clock;

    RecordSuspensionConfirmation(SuspensionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!Boolean.TRUE.equals(execution.getVariable(REPORTER_IDENTITY_CONFIRMED))) {
            throw new DomainRuleViolation("REPORTER_IDENTITY_NOT_CONFIRMED",
                    "届出人の本人確認（氏名・生年月日・住所などの照合）を行い、確認済みにしてから完了してください。");
        }
        String police;
        try {
            police = PoliceReceiptNumber.parse(execution.getVariable(POLICE_RECEIPT_NUMBER)).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new DomainRuleViolation(PoliceReceiptNumber.CODE, e.getMessage());
        }
        SuspensionReason reason = SuspensionReason.valueOf((String) execution.getVariable(SUSPENSION_REASON));
        if (police == null && reason.needsPoliceReceipt()) {
            throw new DomainRuleViolation("POLICE_RECEIPT_NUMBER_MISSING", "理由が「" + reason.label()
                    + "」のときは、警察の受理番号が必要です。届出人に確認して入力してから完了してください。");
        }
        execution.setVariable(POLICE_RECEIPT_NUMBER, police);
        store.confirm((String) execution.getVariable(SUSPENSION_NUMBER), police, Instant.now(clock));
    }
}
