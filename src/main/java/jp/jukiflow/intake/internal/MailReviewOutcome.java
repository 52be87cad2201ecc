package jp.jukiflow.intake.internal;

import static jp.jukiflow.intake.internal.MailReviewVariables.*;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Records in {@code intake_mail} how the clerk settled a mail: answered, or no action needed (with the reason). */
@Component("mailReviewOutcome")
public class MailReviewOutcome {

    private final IntakeMailStore store;
    private final Clock clock;

    MailReviewOutcome(IntakeMailStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void answered(DelegateExecution execution) {
        store.markOutcome(mailId(execution), IntakeMailStore.ANSWERED,
                "回答済み: " + execution.getVariable(ANSWER_TEXT), clock.instant());
    }

    public void dismissed(DelegateExecution execution) {
        store.markOutcome(mailId(execution), IntakeMailStore.DISMISSED,
                "対応不要: " + execution.getVariable(DISMISS_REASON), clock.instant());
    }

    private static long mailId(DelegateExecution execution) {
        return ((Number) execution.getVariable(INTAKE_MAIL_ID)).longValue();
    }
}
