package jp.jukiflow.intake.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jp.jukiflow.transferout.Attachment;

/**
 * Walks the MIME tree of a mail into {@link ExtractedParts}: text/plain preferred over HTML in
 * multipart/alternative, nested multiparts walked, forwarded message/rfc822 mails appended with their headers,
 * every other part kept as an attachment.
 */
final class MailBodyWalker {

    static final String FORWARD_SEPARATOR = "---------- 転送されたメッセージ ----------";
    private static final int MAX_DEPTH = 12;

    private final Session session;

    MailBodyWalker(Session session) {
        this.session = session;
    }

    void walk(Part part, ExtractedParts ctx, int depth) throws MessagingException {
        if (depth > MAX_DEPTH) {
            ctx.problems.add("入れ子が深すぎる部分を読み飛ばしました。");
            return;
        }
        ContentType type = LenientParts.contentType(part);
        String baseType = type.getBaseType().toLowerCase(Locale.ROOT);
        if (baseType.startsWith("multipart/")) {
            Multipart multipart = LenientParts.multipart(part, ctx.problems);
            if (multipart == null) {
                return;
            }
            if (baseType.equals("multipart/alternative")) {
                walkAlternative(multipart, ctx, depth);
            } else {
                for (int i = 0; i < multipart.getCount(); i++) {
                    walkSafely(multipart.getBodyPart(i), ctx, depth + 1);
                }
            }
        } else if (baseType.equals("message/rfc822") || baseType.equals("message/global")) {
            walkForwarded(part, ctx, depth);
        } else if (isBodyText(part, baseType)) {
            String text = text(part, type, ctx);
            if (baseType.equals("text/html")) {
                text = HtmlText.toText(text);
            }
            ctx.appendBody(text);
        } else {
            ctx.attachments.add(attachment(part, baseType, ctx));
        }
    }

    private void walkSafely(BodyPart part, ExtractedParts ctx, int depth) {
        try {
            walk(part, ctx, depth);
        } catch (MessagingException | RuntimeException e) {
            ctx.problems.add("メールの一部を読み取れませんでした（" + e.getClass().getSimpleName() + "）。");
        }
    }

    /** The plain text alternative if it has text, else the HTML one, else whatever else there is. */
    private void walkAlternative(Multipart alternative, ExtractedParts ctx, int depth) throws MessagingException {
        BodyPart plain = null;
        BodyPart html = null;
        BodyPart other = null;
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart child = alternative.getBodyPart(i);
            String t = LenientParts.contentType(child).getBaseType().toLowerCase(Locale.ROOT);
            if (t.equals("text/plain") && plain == null) {
                plain = child;
            } else if (t.equals("text/html") && html == null) {
                html = child;
            } else if (t.startsWith("multipart/") && other == null) {
                other = child;
            }
        }
        if (plain != null) {
            ExtractedParts probe = new ExtractedParts();
            walkSafely(plain, probe, depth + 1);
            if (!probe.body.toString().isBlank() || (html == null && other == null)) {
                ctx.merge(probe);
                return;
            }
        }
        BodyPart chosen = html != null ? html : other != null ? other
                : alternative.getCount() > 0 ? alternative.getBodyPart(alternative.getCount() - 1) : null;
        if (chosen != null) {
            walkSafely(chosen, ctx, depth + 1);
        }
    }

    private void walkForwarded(Part part, ExtractedParts ctx, int depth) throws MessagingException {
        byte[] bytes = LenientParts.bytes(part, ctx.problems);
        MimeMessage inner = new MimeMessage(session, new ByteArrayInputStream(bytes));
        StringBuilder heading = new StringBuilder(FORWARD_SEPARATOR).append('\n');
        String from = MailHeaders.decode(MailHeaders.first(inner, "From"));
        if (!from.isEmpty()) {
            heading.append("差出人: ").append(from).append('\n');
        }
        String date = MailHeaders.first(inner, "Date");
        if (date != null) {
            heading.append("日付: ").append(date.strip()).append('\n');
        }
        String subject = MailHeaders.decode(MailHeaders.first(inner, "Subject"));
        if (!subject.isEmpty()) {
            heading.append("件名: ").append(subject).append('\n');
        }
        ctx.appendBody(heading.toString());
        walk(inner, ctx, depth + 1);
    }

    private static boolean isBodyText(Part part, String baseType) throws MessagingException {
        if (!baseType.equals("text/plain") && !baseType.equals("text/html")) {
            return false;
        }
        String disposition = LenientParts.disposition(part);
        if (Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
            return false;
        }
        return LenientParts.fileName(part) == null;
    }

    private static String text(Part part, ContentType type, ExtractedParts ctx) {
        byte[] bytes = LenientParts.bytes(part, ctx.problems);
        String charset = type.getParameter("charset");
        if (charset == null && type.getBaseType().equalsIgnoreCase("text/html")) {
            charset = htmlMetaCharset(bytes);
        }
        JapaneseCharsets.Decoded decoded = JapaneseCharsets.decode(bytes, charset);
        if (decoded.replaced()) {
            ctx.problems.add("本文の文字コードを判別できず、読めない文字があります（表示は" + decoded.charset().name()
                    + "として読んだもの）。");
        }
        return decoded.text();
    }

    private static String htmlMetaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE).matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static Attachment attachment(Part part, String baseType, ExtractedParts ctx) throws MessagingException {
        byte[] content = LenientParts.bytes(part, ctx.problems);
        String name = LenientParts.fileName(part);
        String contentType = baseType;
        if (contentType.equals("application/octet-stream") || contentType.isBlank()) {
            contentType = AttachmentTypes.sniff(content, name, contentType);
        }
        if (name == null || name.isBlank()) {
            name = "添付ファイル" + (ctx.attachments.size() + 1) + AttachmentTypes.extension(contentType);
        }
        return new Attachment(name, contentType, content);
    }
}
