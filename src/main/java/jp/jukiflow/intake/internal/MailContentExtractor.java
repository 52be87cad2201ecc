package jp.jukiflow.intake.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads a raw intake mail (RFC 5322 bytes) into {@link MailContent}: the body text (text/plain preferred over HTML in
 * multipart/alternative, nested multiparts walked, forwarded message/rfc822 mails appended), the attachments with
 * their decoded file names (RFC 2047 and RFC 2231), and the sender. Japanese charsets are decoded by
 * {@link JapaneseCharsets}, so a missing or wrong charset label does not garble the text. Never throws on odd input:
 * what cannot be read is listed in {@link MailContent#problems()}. The MIME tree is walked by {@link MailBodyWalker},
 * headers are read by {@link MailHeaders}.
 */
public final class MailContentExtractor {

    private final Session session;
    private final MailBodyWalker walker;

    public MailContentExtractor() {
        Properties props = new Properties();
        props.setProperty("mail.mime.address.strict", "false");
        props.setProperty("mail.mime.allowutf8", "false");
        this.session = Session.getInstance(props);
        this.walker = new MailBodyWalker(session);
    }

    public MailContent extract(byte[] raw) {
        ExtractedParts ctx = new ExtractedParts();
        String messageId = null;
        String fromHeader = null;
        String fromAddress = null;
        String subject = "";
        boolean autoReplyAllowed = true;
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
            messageId = MailHeaders.messageId(MailHeaders.first(message, "Message-ID"));
            fromHeader = MailHeaders.decode(MailHeaders.first(message, "From"));
            fromAddress = MailHeaders.address(fromHeader);
            subject = MailHeaders.decode(MailHeaders.first(message, "Subject"));
            autoReplyAllowed = AutoReplyRule.allows(message, fromAddress);
            walker.walk(message, ctx, 0);
        } catch (MessagingException | RuntimeException e) {
            ctx.problems.add(unreadable(e));
        }
        String body = ctx.body.toString().replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]", "").strip();
        if (body.isEmpty()) {
            ctx.problems.add(ctx.attachments.isEmpty() ? "本文がありません。" : "本文がなく、添付ファイルだけのメールです。");
        }
        return new MailContent(messageId, fromAddress, fromHeader == null ? "" : fromHeader,
                subject == null ? "" : subject, body, ctx.attachments, ctx.problems, autoReplyAllowed);
    }

    /** Only the headers (for a mail too large to read whole): sender, subject, Message-ID; no body. */
    public MailContent extractHeaders(byte[] raw) {
        List<String> problems = new ArrayList<>();
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw));
            String fromHeader = MailHeaders.decode(headers.getHeader("From", null));
            String fromAddress = MailHeaders.address(fromHeader);
            String messageId = MailHeaders.messageId(headers.getHeader("Message-ID", null));
            String subject = MailHeaders.decode(headers.getHeader("Subject", null));
            MimeMessage headerOnly = new MimeMessage(session);
            for (Enumeration<Header> e = headers.getAllHeaders(); e.hasMoreElements(); ) {
                Header h = e.nextElement();
                headerOnly.addHeader(h.getName(), h.getValue());
            }
            return new MailContent(messageId, fromAddress, fromHeader, subject, "", List.of(), problems,
                    AutoReplyRule.allows(headerOnly, fromAddress));
        } catch (MessagingException | RuntimeException e) {
            problems.add(unreadable(e));
            return new MailContent(null, null, "", "", "", List.of(), problems, false);
        }
    }

    private static String unreadable(Exception e) {
        return "メールの形式を読み取れませんでした（" + e.getClass().getSimpleName() + "）。";
    }
}
