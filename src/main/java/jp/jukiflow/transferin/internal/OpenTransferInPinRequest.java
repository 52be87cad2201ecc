package jp.jukiflow.transferin.internal;

import static jp.jukiflow.transferin.internal.TransferInVariables.*;

import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.card.PinRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens a one-time PIN request for the presented card; the process keeps only its id. */
@Component("openTransferInPinRequest")
class OpenTransferInPinRequest implements JavaDelegate {

    private final PinRequests pinRequests;

    OpenTransferInPinRequest(PinRequests pinRequests) {
        this.pinRequests = pinRequests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = "transfer-in-with-card " + execution.getProcessInstanceId();
        execution.setVariable(PIN_REQUEST_ID, pinRequests.open((String) execution.getVariable(CARD_NUMBER),
                PinPurpose.SPECIAL_TRANSFER_IN, execution.getTenantId(), reference).id());
    }
}
