package jp.jukiflow.transferin.internal;

import static jp.jukiflow.transferin.internal.TransferInVariables.*;

import jp.jukiflow.municipality.Counters;
import jp.jukiflow.municipality.Procedure;
import jp.jukiflow.shared.DomainRuleViolation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The special transfer-in is filed in person: the counter must be open now and accept the procedure. Otherwise the
 * start is refused ({@link DomainRuleViolation} {@value #COUNTER_REFUSED} with the counter's Japanese reason): the task
 * runs in the start's transaction before the first wait state, so the engine rolls the start back and the clerk reads
 * the reason where they started (Tasklist, the engine REST API answers 400); no instance, history or case figure is
 * left.
 */
@Component("checkTransferInCounter")
class CheckTransferInCounter implements JavaDelegate {

    static final String COUNTER_REFUSED = "COUNTER_REFUSED";

    private final Counters counters;

    CheckTransferInCounter(Counters counters) {
        this.counters = counters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        counters.refusal(execution.getTenantId(), (String) execution.getVariable(OFFICE_ID),
                Procedure.TRANSFER_IN_WITH_CARD).ifPresent(reason -> {
                    throw new DomainRuleViolation(COUNTER_REFUSED, reason);
                });
    }
}
