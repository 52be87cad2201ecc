package jp.jukiflow.notify;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One mail to send.
 *
 * @param idempotencyKey   the same key never mails twice (a retried job passes the key of its first attempt)
 * @param caseKey          the case's business key, the receipt number (受付番号); {@code null} when there is no case
 * @param municipalityCode the sender municipality's 6-digit code
 * @param template         a template id, see {@link MailTemplate}
 * @param recipient        the address; blank means the resident gave none ({@link MailStatus#SKIPPED_NO_ADDRESS})
 * @param model            the template's variables (dates as ISO strings {@code yyyy-MM-dd})
 */
public record MailRequest(String idempotencyKey, String caseKey, String municipalityCode, String template,
                          String recipient, Map<String, Object> model) {

    public MailRequest {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("A mail needs an idempotency key");
        }
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(template, "template");
        // a copy that keeps null values (process variables may be null)
        model = model == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(model));
    }
}
