package jp.jukiflow.widearea.internal;

import static jp.jukiflow.widearea.WideAreaCopyVariables.*;

import java.util.Optional;

import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.PinRequest;
import jp.jukiflow.pin.PinRequests;
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
        // a card no longer usable (e.g. reported stolen since the start) gets no request; 「暗証番号の確認」 then reads
        // CARD_UNUSABLE and the case ends with the reason and the photo-ID alternative (WideAreaCopyPin)
        Optional<PinRequest> request = pinRequests.openIfUsable((String) execution.getVariable(CARD_NUMBER),
                PinPurpose.WIDE_AREA_COPY, execution.getTenantId(), reference);
        execution.setVariable(PIN_REQUEST_ID, request.map(PinRequest::id).orElse(null));
        execution.setVariable(PIN_PAD_URL, request.map(r -> PinRequests.pinPadPath(r.id())).orElse(null));
        execution.setVariable(PIN_REQUEST_VALID_UNTIL,
                request.map(r -> PinRequests.validUntilText(r.expiresAt())).orElse(null));
    }
}
