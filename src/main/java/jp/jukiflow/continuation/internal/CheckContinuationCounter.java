package jp.jukiflow.continuation.internal;

import static jp.jukiflow.continuation.ContinuationVariables.*;

import jp.jukiflow.municipality.Counters;
import jp.jukiflow.municipality.Procedure;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The continuation is done in person: the counter must be open now and accept the procedure. */
@Component("checkContinuationCounter")
class CheckContinuationCounter implements JavaDelegate {

    private final Counters counters;

    CheckContinuationCounter(Counters counters) {
        this.counters = counters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = counters.refusal(execution.getTenantId(), (String) execution.getVariable(OFFICE_ID),
                Procedure.CARD_CONTINUATION).orElse(null);
        if (reason != null) {
            execution.setVariable(REFUSAL_REASON, reason);
            execution.setVariable(CONTINUATION_REASON, reason);
            throw new BpmnError(ERROR_COUNTER_REFUSED, reason);
        }
    }
}
