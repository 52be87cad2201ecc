package jp.jukiflow.transferin.internal;

import static jp.jukiflow.transferin.internal.TransferInVariables.*;

import jp.jukiflow.jukinet.ExpectedMoveIn;
import jp.jukiflow.jukinet.ExpectedMoveInStatus;
import jp.jukiflow.jukinet.MoveOutCertificateInfo;
import java.util.Optional;

import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.PinRequest;
import jp.jukiflow.pin.PinRequests;
import jp.jukiflow.shared.DomainRuleViolation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a one-time PIN request for the presented card; the process keeps its id, the PIN pad's address (the link on
 * the clerk's task) and until when it may be answered. A card this deployment does not
 * hold is first kept here from the expected move-in's 転出証明書情報 ({@link PresentedCardImport}). When neither holds
 * it and the filing names another municipality as the origin (receipt number or origin code), the PIN cannot be
 * checked before that certificate arrives: the start is refused with {@code CARD_AWAITING_CERTIFICATE} and a message
 * saying so, rather than the card being treated as not presented (which would send the resident to the ordinary
 * transfer-in). Otherwise an unknown number is refused as before ({@code CARD_NOT_FOUND}).
 */
@Component("openTransferInPinRequest")
class OpenTransferInPinRequest implements JavaDelegate {

    private final PinRequests pinRequests;
    private final CertificateLookup certificates;
    private final PresentedCardImport cardImport;

    OpenTransferInPinRequest(PinRequests pinRequests, CertificateLookup certificates, PresentedCardImport cardImport) {
        this.pinRequests = pinRequests;
        this.certificates = certificates;
        this.cardImport = cardImport;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String cardNumber = TransferInStart.text(execution, CARD_NUMBER);
        if (cardNumber != null) {
            MoveOutCertificateInfo info = certificates.find(execution)
                    .filter(m -> m.status() == ExpectedMoveInStatus.EXPECTED).map(ExpectedMoveIn::certificate)
                    .orElse(null);
            if (cardImport.cardHere(cardNumber, info, execution.getTenantId()).isEmpty() && info == null
                    && namesAnotherOrigin(execution)) {
                throw new DomainRuleViolation("CARD_AWAITING_CERTIFICATE", "カード番号 " + cardNumber
                        + " のカードの情報は、転出元から転出証明書情報とともに届きます。転出証明書情報がまだ届いていないため、"
                        + "暗証番号を確認できません。転出元に転出証明書情報の送付を確認し、到着後にあらためて受け付けてください。");
            }
        }
        String reference = "transfer-in-with-card " + execution.getProcessInstanceId();
        // an unusable card gets no request (no PIN pad); the process's check explains it afterwards
        Optional<PinRequest> request = pinRequests.openIfUsable((String) execution.getVariable(CARD_NUMBER),
                PinPurpose.SPECIAL_TRANSFER_IN, execution.getTenantId(), reference);
        execution.setVariable(PIN_REQUEST_ID, request.map(PinRequest::id).orElse(null));
        execution.setVariable(PIN_PAD_URL, request.map(r -> PinRequests.pinPadPath(r.id())).orElse(null));
        execution.setVariable(PIN_REQUEST_VALID_UNTIL,
                request.map(r -> PinRequests.validUntilText(r.expiresAt())).orElse(null));
    }

    private static boolean namesAnotherOrigin(DelegateExecution execution) {
        String receipt = TransferInStart.text(execution, ORIGIN_RECEIPT_NUMBER);
        String origin = TransferInStart.text(execution, ORIGIN_CODE);
        if (origin == null && receipt != null && receipt.matches("\\d{6}-.+")) {
            origin = receipt.substring(0, 6);
        }
        return origin != null && !origin.equals(execution.getTenantId());
    }
}
