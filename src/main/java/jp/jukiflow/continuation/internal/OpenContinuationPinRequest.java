package jp.jukiflow.continuation.internal;

import static jp.jukiflow.continuation.ContinuationVariables.*;

import java.util.Optional;

import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.PinRequest;
import jp.jukiflow.pin.PinRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a one-time PIN request for the presented card; the process keeps its id, the PIN pad's address (the link on
 * the clerk's task) and until when it may be answered.
 */
@Component("openContinuationPinRequest")
class OpenContinuationPinRequest implements JavaDelegate {

    private final PinRequests pinRequests;

    OpenContinuationPinRequest(PinRequests pinRequests) {
        this.pinRequests = pinRequests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = PROCESS_KEY + " " + execution.getProcessInstanceId();
        // an unusable card gets no request (no PIN pad); the process's check explains it afterwards
        Optional<PinRequest> request = pinRequests.openIfUsable((String) execution.getVariable(CARD_NUMBER),
                PinPurpose.CARD_CONTINUATION, execution.getTenantId(), reference);
        execution.setVariable(PIN_REQUEST_ID, request.map(PinRequest::id).orElse(null));
        execution.setVariable(PIN_PAD_URL, request.map(r -> PinRequests.pinPadPath(r.id())).orElse(null));
        execution.setVariable(PIN_REQUEST_VALID_UNTIL,
                request.map(r -> PinRequests.validUntilText(r.expiresAt())).orElse(null));
    }
}
