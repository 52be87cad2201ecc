package jp.jukiflow.pinreset.internal;

import static jp.jukiflow.pinreset.PinResetVariables.*;

import jp.jukiflow.pin.NewPinRequest;
import jp.jukiflow.pin.NewPinRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the clerk completes 「新しい暗証番号の設定」: SET if the PIN pad set the new PIN, else NOT_SET (the resident gave
 * up, or the request expired). Bound as {@code ${pinResetNewPin.read(execution)}}.
 */
@Component("pinResetNewPin")
public class PinResetNewPin {

    private final NewPinRequests requests;

    PinResetNewPin(NewPinRequests requests) {
        this.requests = requests;
    }

    public void read(DelegateExecution execution) {
        boolean set = requests.outcome((String) execution.getVariable(NEW_PIN_REQUEST_ID))
                .filter(s -> s == NewPinRequest.State.SET).isPresent();
        execution.setVariable(NEW_PIN_RESULT, set ? RESULT_SET : RESULT_NOT_SET);
    }
}
