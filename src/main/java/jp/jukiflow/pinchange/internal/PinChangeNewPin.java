package jp.jukiflow.pinchange.internal;

import static jp.jukiflow.pinchange.PinChangeVariables.*;

import jp.jukiflow.pin.NewPinRequest;
import jp.jukiflow.pin.NewPinRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the clerk completes 「新しい暗証番号の設定」: SET if the new-PIN pad set the new PIN (the card event
 * {@code PIN_CHANGED} and the audit entry are written by the pad), else NOT_SET (the holder gave up, or the request
 * expired). Bound as {@code ${pinChangeNewPin.read(execution)}}.
 */
@Component("pinChangeNewPin")
public class PinChangeNewPin {

    private final NewPinRequests requests;

    PinChangeNewPin(NewPinRequests requests) {
        this.requests = requests;
    }

    public void read(DelegateExecution execution) {
        boolean set = requests.outcome((String) execution.getVariable(NEW_PIN_REQUEST_ID))
                .filter(s -> s == NewPinRequest.State.SET).isPresent();
        execution.setVariable(NEW_PIN_RESULT, set ? RESULT_SET : RESULT_NOT_SET);
    }
}
