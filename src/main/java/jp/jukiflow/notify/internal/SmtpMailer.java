package jp.jukiflow.notify.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.notify.OutboxEntry;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands an outbox row to the SMTP server ({@code spring.mail.*}): text/plain, UTF-8 (Japanese arrives intact), From
 * and Reply-To the municipality's intake address with its Japanese display name.
 */
@Component
public class SmtpMailer {

    /** Lets a reader (and the intake mailbox) tie a mail to its outbox row. */
    static final String IDEMPOTENCY_HEADER = "X-Jukiflow-Idempotency-Key";

    private final JavaMailSender sender;
    private final MailSettings settings;
    private final Clock clock;

    SmtpMailer(JavaMailSender sender, MailSettings settings, Clock clock) {
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends one mail; a failure of the server throws a {@link MailException}. */
    public void send(OutboxEntry entry, Municipality municipality) throws MailException {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.sender(municipality));
            helper.setReplyTo(settings.sender(municipality));
            helper.setTo(entry.recipient().strip());
            helper.setSubject(entry.subject());
            helper.setText(entry.body(), false);
            helper.setSentDate(Date.from(clock.instant()));
            message.setHeader(IDEMPOTENCY_HEADER, entry.idempotencyKey());
        } catch (MessagingException e) {
            throw new MailPreparationException("Could not build the mail " + entry.idempotencyKey(), e);
        }
        sender.send(message);
    }
}
