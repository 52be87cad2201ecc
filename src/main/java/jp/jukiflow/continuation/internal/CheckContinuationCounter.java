package jp.jukiflow.continuation.internal;

import static jp.jukiflow.continuation.ContinuationVariables.*;

import jp.jukiflow.municipality.Counters;
import jp.jukiflow.municipality.Procedure;
import jp.jukiflow.shared.DomainRuleViolation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The continuation is done in person: filed at the counter (the start form), the counter must be open now and accept
 * the procedure. Otherwise the start is refused ({@link DomainRuleViolation} {@value #COUNTER_REFUSED} with the
 * counter's Japanese reason): the task runs in the start's transaction before the first wait state, so the engine
 * rolls the start back and the clerk reads the reason where they started; no instance, history or case figure is left.
 *
 * <p>Called by the transfer-in (the instance has a super execution) there is nothing to check: the resident filed at
 * the counter the transfer-in checked, and the call runs later in a job (after the 転入通知), where a refusal could
 * only become an incident.
 */
@Component("checkContinuationCounter")
class CheckContinuationCounter implements JavaDelegate {

    static final String COUNTER_REFUSED = "COUNTER_REFUSED";

    private final Counters counters;

    CheckContinuationCounter(Counters counters) {
        this.counters = counters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getProcessInstance().getSuperExecution() != null) {
            return;
        }
        counters.refusal(execution.getTenantId(), (String) execution.getVariable(OFFICE_ID),
                Procedure.CARD_CONTINUATION).ifPresent(reason -> {
                    throw new DomainRuleViolation(COUNTER_REFUSED, reason);
                });
    }
}
