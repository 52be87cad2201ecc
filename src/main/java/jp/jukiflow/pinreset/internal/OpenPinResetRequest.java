package jp.jukiflow.pinreset.internal;

import static jp.jukiflow.pinreset.PinResetVariables.*;

import jp.jukiflow.pin.NewPinRequest;
import jp.jukiflow.pin.NewPinRequests;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.PinRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens a one-time request for a new PIN (the PIN pad's "new PIN" mode); the process keeps its id, the
 * pad's address (the link on the clerk's task) and until when it may be answered. */
@Component("openPinResetRequest")
class OpenPinResetRequest implements JavaDelegate {

    private final NewPinRequests requests;

    OpenPinResetRequest(NewPinRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = PROCESS_KEY + " " + execution.getProcessInstanceId();
        NewPinRequest request = requests.open((String) execution.getVariable(CARD_NUMBER), PinPurpose.PIN_RESET,
                execution.getTenantId(), reference);
        execution.setVariable(NEW_PIN_REQUEST_ID, request.id());
        execution.setVariable(NEW_PIN_PAD_URL, NewPinRequests.newPinPadPath(request.id()));
        execution.setVariable(PIN_REQUEST_VALID_UNTIL, PinRequests.validUntilText(request.expiresAt()));
    }
}
