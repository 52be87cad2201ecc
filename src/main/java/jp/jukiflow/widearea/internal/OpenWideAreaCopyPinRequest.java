package jp.jukiflow.widearea.internal;

import static jp.jukiflow.widearea.WideAreaCopyVariables.*;

import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.card.PinRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「暗証番号の入力依頼」: opens a one-time PIN request for the requester's card at this counter (the wide-area copy may
 * ask at any counter); the process keeps only its id and the PIN pad's address. Runs again, with a new request, after
 * a wrong or missing entry.
 */
@Component("openWideAreaCopyPinRequest")
class OpenWideAreaCopyPinRequest implements JavaDelegate {

    private final PinRequests pinRequests;

    OpenWideAreaCopyPinRequest(PinRequests pinRequests) {
        this.pinRequests = pinRequests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = PROCESS_KEY + " " + execution.getProcessInstanceId();
        String id = pinRequests.open((String) execution.getVariable(CARD_NUMBER), PinPurpose.WIDE_AREA_COPY,
                execution.getTenantId(), reference).id();
        execution.setVariable(PIN_REQUEST_ID, id);
        execution.setVariable(PIN_PAD_URL, "/staff/pin-pad/" + id);
    }
}
