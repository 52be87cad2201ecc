package jp.jukiflow.transferin.internal;

import static jp.jukiflow.transferin.internal.TransferInVariables.*;

import jp.jukiflow.municipality.Counters;
import jp.jukiflow.municipality.Procedure;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The special transfer-in is filed in person: the counter must be open now and accept the procedure. */
@Component("checkTransferInCounter")
class CheckTransferInCounter implements JavaDelegate {

    private final Counters counters;

    CheckTransferInCounter(Counters counters) {
        this.counters = counters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = counters.refusal(execution.getTenantId(), (String) execution.getVariable(OFFICE_ID),
                Procedure.TRANSFER_IN_WITH_CARD).orElse(null);
        if (reason != null) {
            execution.setVariable(REFUSAL_REASON, reason);
            throw new BpmnError(ERROR_COUNTER_REFUSED, reason);
        }
    }
}
