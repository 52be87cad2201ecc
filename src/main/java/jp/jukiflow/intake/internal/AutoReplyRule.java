package jp.jukiflow.intake.internal;

import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** RFC 3834: no automatic answer to automatic mail, bounces or list mail. */
final class AutoReplyRule {

    private AutoReplyRule() {
    }

    static boolean allows(MimeMessage message, String fromAddress) throws MessagingException {
        String autoSubmitted = MailHeaders.first(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no")) {
            return false;
        }
        String precedence = MailHeaders.first(message, "Precedence");
        if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list")) {
            return false;
        }
        if (MailHeaders.first(message, "List-Id") != null
                || MailHeaders.first(message, "X-Auto-Response-Suppress") != null) {
            return false;
        }
        if (fromAddress == null) {
            return false;
        }
        String local = fromAddress.substring(0, fromAddress.indexOf('@')).toLowerCase(Locale.ROOT);
        return !local.matches("mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?");
    }
}
