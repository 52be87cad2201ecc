package jp.jukiflow.continuation.internal;

import static jp.jukiflow.continuation.ContinuationVariables.*;

import jp.jukiflow.card.CardCheckLabels;
import jp.jukiflow.pin.PinRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the clerk completes 「暗証番号の確認」: what the PIN pad recorded, as OK / WRONG / LOCKED, or NOT_ENTERED for a
 * request still pending or expired. Bound as {@code ${continuationPin.read(execution)}}.
 */
@Component("continuationPin")
public class ContinuationPin {

    private final PinRequests pinRequests;

    ContinuationPin(PinRequests pinRequests) {
        this.pinRequests = pinRequests;
    }

    public void read(DelegateExecution execution) {
        String result = pinRequests.resultForProcess((String) execution.getVariable(PIN_REQUEST_ID));
        execution.setVariable(PIN_RESULT, result);
        execution.setVariable(PIN_RESULT_LABEL, CardCheckLabels.pinResult(result));
    }
}
