package jp.jukiflow.notify;

import java.time.Instant;

/**
 * One row of the mail outbox: the mail exactly as rendered (and, once {@link MailStatus#SENT}, as sent).
 *
 * @param attempts  how many times the mail server was tried (failed attempts plus the successful one)
 * @param lastError the last failure of the mail server, or {@code null}
 */
public record OutboxEntry(long id, String idempotencyKey, String caseKey, String municipalityCode, String template,
                          String recipient, String subject, String body, MailStatus status, Instant createdAt,
                          Instant sentAt, int attempts, String lastError) {

    /** The Japanese name of the template, e.g. 「受付のお知らせ」, or the id of a template that no longer exists. */
    public String templateLabel() {
        return MailTemplate.find(template).map(MailTemplate::label).orElse(template);
    }
}
