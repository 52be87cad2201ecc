package jp.jukiflow.pinreset.internal;

import static jp.jukiflow.pinreset.PinResetVariables.*;

import jp.jukiflow.card.NewPinRequests;
import jp.jukiflow.card.PinPurpose;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens a one-time request for a new PIN (the PIN pad's "new PIN" mode); the process keeps only its id. */
@Component("openPinResetRequest")
class OpenPinResetRequest implements JavaDelegate {

    private final NewPinRequests requests;

    OpenPinResetRequest(NewPinRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = PROCESS_KEY + " " + execution.getProcessInstanceId();
        String id = requests.open((String) execution.getVariable(CARD_NUMBER), PinPurpose.PIN_RESET,
                execution.getTenantId(), reference).id();
        execution.setVariable(NEW_PIN_REQUEST_ID, id);
        execution.setVariable(NEW_PIN_PAD_URL, "/staff/new-pin-pad/" + id);
    }
}
