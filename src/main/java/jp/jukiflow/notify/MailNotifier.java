package jp.jukiflow.notify;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.notify.internal.MailRenderer;
import jp.jukiflow.notify.internal.OutboxStore;
import jp.jukiflow.notify.internal.RenderedMail;
import jp.jukiflow.notify.internal.SmtpMailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the Japanese notification mails through an outbox, at most once per idempotency key.
 *
 * <p>{@link #send(MailRequest)}:
 * <ol>
 *   <li>renders subject and body and stores the outbox row in a transaction of its own, unless a row with that key
 *       exists (then its stored text is used, so a retry sends exactly what was recorded);</li>
 *   <li>a row already {@link MailStatus#SENT} or {@link MailStatus#SKIPPED_NO_ADDRESS} is returned as it is: a retried
 *       job never mails twice;</li>
 *   <li>a blank recipient gives {@link MailStatus#SKIPPED_NO_ADDRESS} (no exception, no mail);</li>
 *   <li>otherwise the mail goes to the SMTP server and the row becomes {@link MailStatus#SENT}, again in a transaction
 *       of its own, so it stays recorded even when the caller's transaction (the engine's job) rolls back later;</li>
 *   <li>when the server refuses or cannot be reached, the attempt and error are recorded and a
 *       {@link MailDeliveryException} is thrown, so the engine retries the job.</li>
 * </ol>
 * Delivery is at-least-once in one corner: if the process dies after the server accepted a mail and before the row
 * was marked, the retry sends it again. Two callers racing with the same key are not serialised beyond the unique key.
 */
@Service
public class MailNotifier {

    private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);

    private final OutboxStore store;
    private final MailRenderer renderer;
    private final SmtpMailer mailer;
    private final MunicipalityDirectory municipalities;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    MailNotifier(OutboxStore store, MailRenderer renderer, SmtpMailer mailer, MunicipalityDirectory municipalities,
                 PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        this.renderer = renderer;
        this.mailer = mailer;
        this.municipalities = municipalities;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Sends a mail once per idempotency key (see the class comment).
     *
     * @return the outbox row: SENT, SKIPPED_NO_ADDRESS, or the earlier row of that key
     * @throws MailDeliveryException    when the SMTP server did not accept the mail (the row stays PENDING)
     * @throws IllegalArgumentException for an unknown template or municipality, or a missing required variable
     */
    public OutboxEntry send(MailRequest request) {
        Municipality municipality = municipalities.require(LocalGovernmentCode.of(request.municipalityCode()));
        OutboxEntry entry = store(request, municipality);
        if (entry.status() != MailStatus.PENDING) {
            return entry;
        }
        return deliver(entry, municipality);
    }

    /** Every mail of a case (its business key, the receipt number), oldest first, skipped ones included. */
    public List<OutboxEntry> mailsOf(String caseKey) {
        return store.findByCase(caseKey);
    }

    /** The mails not sent yet, per municipality and template (the outbox backlog a manager watches). */
    public List<OutboxBacklog> backlog() {
        return store.pendingByMunicipalityAndTemplate();
    }

    /** The outbox row of an idempotency key, if one was stored. */
    public Optional<OutboxEntry> find(String idempotencyKey) {
        return store.findByKey(idempotencyKey);
    }

    /** Renders a template without storing or sending it (a preview for the clerk). */
    public MailPreview preview(String template, String municipalityCode, Map<String, Object> model) {
        Municipality municipality = municipalities.require(LocalGovernmentCode.of(municipalityCode));
        RenderedMail mail = renderer.render(MailTemplate.of(template), municipality,
                model == null ? Map.of() : model);
        return new MailPreview(mail.subject(), mail.body());
    }

    private OutboxEntry store(MailRequest request, Municipality municipality) {
        Optional<OutboxEntry> existing = inOwnTransaction(() -> store.findByKey(request.idempotencyKey()));
        if (existing.isPresent()) {
            return existing.get();
        }
        MailTemplate template = MailTemplate.of(request.template());
        RenderedMail mail = renderer.render(template, municipality, request.model());
        boolean noAddress = request.recipient() == null || request.recipient().isBlank();
        try {
            OutboxEntry stored = inOwnTransaction(() -> store.insert(request.idempotencyKey(), request.caseKey(),
                    municipality.code().value(), template.id(), noAddress ? null : request.recipient().strip(), mail,
                    noAddress ? MailStatus.SKIPPED_NO_ADDRESS : MailStatus.PENDING, clock.instant()));
            if (noAddress) {
                log.info("Mail {} ({}) not sent: no recipient address", stored.idempotencyKey(), template.id());
            }
            return stored;
        } catch (DuplicateKeyException raced) {
            return inOwnTransaction(() -> store.findByKey(request.idempotencyKey())).orElseThrow();
        }
    }

    private OutboxEntry deliver(OutboxEntry entry, Municipality municipality) {
        try {
            mailer.send(entry, municipality);
        } catch (MailException e) {
            OutboxEntry failed = inOwnTransaction(() -> store.recordFailure(entry.id(), describe(e)));
            log.warn("Mail {} ({}) not accepted by the mail server, attempt {}: {}", entry.idempotencyKey(),
                    entry.template(), failed.attempts(), describe(e));
            throw new MailDeliveryException(entry.idempotencyKey(), "メールを送信できませんでした（"
                    + entry.templateLabel() + "、受付番号 " + (entry.caseKey() == null ? "なし" : entry.caseKey())
                    + "、" + failed.attempts() + "回目）。メールサーバーの状態を確認してください。原因: " + describe(e), e);
        }
        OutboxEntry sent = inOwnTransaction(() -> store.markSent(entry.id(), clock.instant()));
        log.info("Mail {} ({}) sent", sent.idempotencyKey(), sent.template());
        return sent;
    }

    private <T> T inOwnTransaction(Supplier<T> work) {
        return ownTransaction.execute(status -> work.get());
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        while (cause != null && cause != cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(" / ").append(cause.getMessage());
            }
            cause = cause.getCause();
        }
        return text.toString();
    }
}
