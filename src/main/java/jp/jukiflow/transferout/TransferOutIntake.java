package jp.jukiflow.transferout;

import java.time.Instant;
import java.util.List;

/**
 * Starts a mailed special transfer-out case from any channel. Validates first: an invalid form throws
 * {@link InvalidTransferOutRequest} and nothing is stored or started. {@code sourceRef} identifies the source
 * (an e-mail's Message-ID, an API idempotency key) so that the same source never gives two cases: submitting it
 * again returns the first receipt.
 */
public interface TransferOutIntake {

    Receipt submit(String municipalityCode, TransferOutForm form, IntakeChannel channel, List<Attachment> attachments,
                   Instant arrivedAt, String sourceRef);
}
