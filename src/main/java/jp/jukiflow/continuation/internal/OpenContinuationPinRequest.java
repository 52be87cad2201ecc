package jp.jukiflow.continuation.internal;

import static jp.jukiflow.continuation.ContinuationVariables.*;

import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.card.PinRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens a one-time PIN request for the presented card; the process keeps only its id. */
@Component("openContinuationPinRequest")
class OpenContinuationPinRequest implements JavaDelegate {

    private final PinRequests pinRequests;

    OpenContinuationPinRequest(PinRequests pinRequests) {
        this.pinRequests = pinRequests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = PROCESS_KEY + " " + execution.getProcessInstanceId();
        execution.setVariable(PIN_REQUEST_ID, pinRequests.open((String) execution.getVariable(CARD_NUMBER),
                PinPurpose.CARD_CONTINUATION, execution.getTenantId(), reference).id());
    }
}
