package jp.jukiflow.notify;

/**
 * The mail server did not accept a mail. The outbox row stays {@link MailStatus#PENDING} with the attempt and the
 * error recorded; thrown so that the engine retries the job and, once the retries are used up, raises an incident.
 */
public class MailDeliveryException extends RuntimeException {

    private final String idempotencyKey;

    public MailDeliveryException(String idempotencyKey, String message, Throwable cause) {
        super(message, cause);
        this.idempotencyKey = idempotencyKey;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }
}
