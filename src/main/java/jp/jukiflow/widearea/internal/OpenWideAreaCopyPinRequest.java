package jp.jukiflow.widearea.internal;

import static jp.jukiflow.widearea.WideAreaCopyVariables.*;

import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.card.PinRequest;
import jp.jukiflow.card.PinRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「暗証番号の入力依頼」: opens a one-time PIN request for the requester's card at this counter (the wide-area copy may
 * ask at any counter); the process keeps its id, the PIN pad's address and
 * until when it may be answered. Runs again, with a new request, after
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
        PinRequest request = pinRequests.open((String) execution.getVariable(CARD_NUMBER), PinPurpose.WIDE_AREA_COPY,
                execution.getTenantId(), reference);
        execution.setVariable(PIN_REQUEST_ID, request.id());
        execution.setVariable(PIN_PAD_URL, PinRequests.pinPadPath(request.id()));
        execution.setVariable(PIN_REQUEST_VALID_UNTIL, PinRequests.validUntilText(request.expiresAt()));
    }
}
