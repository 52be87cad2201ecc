package jp.jukiflow.transferin.internal;

import static jp.jukiflow.transferin.internal.TransferInVariables.*;

import jp.jukiflow.jukinet.ExpectedMoveIn;
import jp.jukiflow.jukinet.ExpectedMoveInStatus;
import jp.jukiflow.jukinet.MoveOutCertificateInfo;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.OpenPinRequest;
import jp.jukiflow.shared.DomainRuleViolation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a one-time PIN request for the presented card with the shared {@link OpenPinRequest} (purpose
 * {@link PinPurpose#SPECIAL_TRANSFER_IN}, the PIN pad); a thin delegate of its own, because of what comes first. A
 * card this deployment does not hold is first kept here from the expected move-in's 転出証明書情報
 * ({@link PresentedCardImport}). When neither holds it and the filing names another municipality as the origin (receipt number or origin code), the PIN cannot be
 * checked before that certificate arrives: the start is refused with {@code CARD_AWAITING_CERTIFICATE} and a message
 * saying so, rather than the card being treated as not presented (which would send the resident to the ordinary
 * transfer-in). Otherwise an unknown number is refused as before ({@code CARD_NOT_FOUND}).
 */
@Component("openTransferInPinRequest")
class OpenTransferInPinRequest implements JavaDelegate {

    private final OpenPinRequest opener;
    private final CertificateLookup certificates;
    private final PresentedCardImport cardImport;

    OpenTransferInPinRequest(OpenPinRequest opener, CertificateLookup certificates, PresentedCardImport cardImport) {
        this.opener = opener;
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
        // an unusable card gets no request (no PIN pad); the process's check explains it afterwards
        opener.open(execution, PinPurpose.SPECIAL_TRANSFER_IN, OpenPinRequest.Pad.PIN);
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
