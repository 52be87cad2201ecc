package jp.jukiflow.intake.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import jp.jukiflow.transferout.Attachment;

/**
 * Reads a raw intake mail (RFC 5322 bytes) into {@link MailContent}: the body text (text/plain preferred over HTML in
 * multipart/alternative, nested multiparts walked, forwarded message/rfc822 mails appended), the attachments with
 * their decoded file names (RFC 2047 and RFC 2231), and the sender. Japanese charsets are decoded by
 * {@link JapaneseCharsets}, so a missing or wrong charset label does not garble the text. Never throws on odd input:
 * what cannot be read is listed in {@link MailContent#problems()}.
 */
public final class MailContentExtractor {

    static final String FORWARD_SEPARATOR = "---------- 転送されたメッセージ ----------";
    private static final int MAX_DEPTH = 12;
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_ENCODED_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'!#$&*/=?^`{|}~-]+@[A-Za-z0-9.-]+");

    private final Session session;

    public MailContentExtractor() {
        Properties props = new Properties();
        props.setProperty("mail.mime.address.strict", "false");
        props.setProperty("mail.mime.allowutf8", "false");
        this.session = Session.getInstance(props);
    }

    public MailContent extract(byte[] raw) {
        Context ctx = new Context();
        String messageId = null;
        String fromHeader = null;
        String fromAddress = null;
        String subject = "";
        boolean autoReplyAllowed = true;
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
            messageId = cleanMessageId(header(message, "Message-ID"));
            fromHeader = decodeHeader(header(message, "From"));
            fromAddress = address(fromHeader);
            subject = decodeHeader(header(message, "Subject"));
            autoReplyAllowed = autoReplyAllowed(message, fromAddress);
            walk(message, ctx, 0);
        } catch (MessagingException | RuntimeException e) {
            ctx.problems.add("メールの形式を読み取れませんでした（" + e.getClass().getSimpleName() + "）。");
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
            String fromHeader = decodeHeader(headers.getHeader("From", null));
            String fromAddress = address(fromHeader);
            String messageId = cleanMessageId(headers.getHeader("Message-ID", null));
            String subject = decodeHeader(headers.getHeader("Subject", null));
            MimeMessage headerOnly = new MimeMessage(session);
            for (java.util.Enumeration<jakarta.mail.Header> e = headers.getAllHeaders(); e.hasMoreElements(); ) {
                jakarta.mail.Header h = e.nextElement();
                headerOnly.addHeader(h.getName(), h.getValue());
            }
            return new MailContent(messageId, fromAddress, fromHeader, subject, "", List.of(), problems,
                    autoReplyAllowed(headerOnly, fromAddress));
        } catch (MessagingException | RuntimeException e) {
            problems.add("メールの形式を読み取れませんでした（" + e.getClass().getSimpleName() + "）。");
            return new MailContent(null, null, "", "", "", List.of(), problems, false);
        }
    }

    private void walk(Part part, Context ctx, int depth) throws MessagingException {
        if (depth > MAX_DEPTH) {
            ctx.problems.add("入れ子が深すぎる部分を読み飛ばしました。");
            return;
        }
        ContentType type = contentType(part);
        String baseType = type.getBaseType().toLowerCase(Locale.ROOT);
        if (baseType.startsWith("multipart/")) {
            Multipart multipart = multipart(part, ctx);
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

    private void walkSafely(BodyPart part, Context ctx, int depth) {
        try {
            walk(part, ctx, depth);
        } catch (MessagingException | RuntimeException e) {
            ctx.problems.add("メールの一部を読み取れませんでした（" + e.getClass().getSimpleName() + "）。");
        }
    }

    /** The plain text alternative if it has text, else the HTML one, else whatever else there is. */
    private void walkAlternative(Multipart alternative, Context ctx, int depth) throws MessagingException {
        BodyPart plain = null;
        BodyPart html = null;
        BodyPart other = null;
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart child = alternative.getBodyPart(i);
            String t = contentType(child).getBaseType().toLowerCase(Locale.ROOT);
            if (t.equals("text/plain") && plain == null) {
                plain = child;
            } else if (t.equals("text/html") && html == null) {
                html = child;
            } else if (t.startsWith("multipart/") && other == null) {
                other = child;
            }
        }
        if (plain != null) {
            Context probe = new Context();
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

    private void walkForwarded(Part part, Context ctx, int depth) throws MessagingException {
        byte[] bytes = bytes(part, ctx);
        MimeMessage inner = new MimeMessage(session, new ByteArrayInputStream(bytes));
        StringBuilder heading = new StringBuilder(FORWARD_SEPARATOR).append('\n');
        String from = decodeHeader(header(inner, "From"));
        if (!from.isEmpty()) {
            heading.append("差出人: ").append(from).append('\n');
        }
        String date = header(inner, "Date");
        if (date != null) {
            heading.append("日付: ").append(date.strip()).append('\n');
        }
        String subject = decodeHeader(header(inner, "Subject"));
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
        String disposition = disposition(part);
        if (Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
            return false;
        }
        return fileName(part) == null;
    }

    private String text(Part part, ContentType type, Context ctx) {
        byte[] bytes = bytes(part, ctx);
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

    private Attachment attachment(Part part, String baseType, Context ctx) throws MessagingException {
        byte[] content = bytes(part, ctx);
        String name = fileName(part);
        String contentType = baseType;
        if (contentType.equals("application/octet-stream") || contentType.isBlank()) {
            contentType = sniff(content, name, contentType);
        }
        if (name == null || name.isBlank()) {
            name = "添付ファイル" + (ctx.attachments.size() + 1) + extension(contentType);
        }
        return new Attachment(name, contentType, content);
    }

    /** The decoded file name from Content-Disposition or the Content-Type name, or null. */
    private static String fileName(Part part) throws MessagingException {
        String name = null;
        try {
            name = part.getFileName();
        } catch (MessagingException | RuntimeException e) {
            // fall through to the raw headers
        }
        if (name == null) {
            name = rawParameter(part, "Content-Disposition", "filename");
        }
        if (name == null) {
            name = rawParameter(part, "Content-Type", "name");
        }
        if (name == null) {
            return null;
        }
        name = decodeHeader(name);
        return name.isBlank() ? null : name.strip();
    }

    private static String rawParameter(Part part, String header, String parameter) throws MessagingException {
        String[] values = part.getHeader(header);
        if (values == null || values.length == 0) {
            return null;
        }
        try {
            String value = header.equals("Content-Type") ? new ContentType(values[0]).getParameter(parameter)
                    : new ContentDisposition(values[0]).getParameter(parameter);
            return value;
        } catch (ParseException e) {
            Matcher m = Pattern.compile(parameter + "\\s*=\\s*\"?([^\";]+)").matcher(values[0]);
            return m.find() ? m.group(1) : null;
        }
    }

    private static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static ContentType contentType(Part part) {
        try {
            String[] values = part.getHeader("Content-Type");
            if (values == null || values.length == 0) {
                return new ContentType("text/plain");
            }
            return new ContentType(values[0]);
        } catch (MessagingException | RuntimeException e) {
            try {
                String raw = ((MimePart) part).getHeader("Content-Type", null);
                String base = raw == null ? "" : raw.split(";")[0].strip().toLowerCase(Locale.ROOT);
                if (base.matches("[a-z0-9.+-]+/[a-z0-9.+-]+")) {
                    ContentType ct = new ContentType(base);
                    Matcher charset = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9_.:-]+)").matcher(raw);
                    if (charset.find()) {
                        ct.setParameter("charset", charset.group(1));
                    }
                    return ct;
                }
                return new ContentType("application/octet-stream");
            } catch (MessagingException | RuntimeException again) {
                return new ContentType("application", "octet-stream", null);
            }
        }
    }

    private static Multipart multipart(Part part, Context ctx) {
        try {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                return multipart;
            }
            ctx.problems.add("マルチパートの構造を読み取れませんでした。");
        } catch (MessagingException | IOException | RuntimeException e) {
            ctx.problems.add("マルチパートの構造を読み取れませんでした（" + e.getClass().getSimpleName() + "）。");
        }
        return null;
    }

    /** The decoded content of a part; on a broken transfer encoding the raw bytes, decoded leniently. */
    private static byte[] bytes(Part part, Context ctx) {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (MessagingException | IOException | RuntimeException e) {
            try {
                byte[] raw = rawBytes(part);
                String encoding = ((MimePart) part).getEncoding();
                if (encoding != null && encoding.equalsIgnoreCase("base64")) {
                    String cleaned = new String(raw, StandardCharsets.US_ASCII).replaceAll("[^A-Za-z0-9+/]", "");
                    cleaned = cleaned.substring(0, cleaned.length() - cleaned.length() % 4);
                    return Base64.getDecoder().decode(cleaned);
                }
                return raw;
            } catch (MessagingException | IOException | RuntimeException again) {
                ctx.problems.add("メールの一部を復号できませんでした。");
                return new byte[0];
            }
        }
    }

    private static byte[] rawBytes(Part part) throws MessagingException, IOException {
        if (part instanceof MimeMessage message) {
            try (InputStream in = message.getRawInputStream()) {
                return in.readAllBytes();
            }
        }
        try (InputStream in = ((jakarta.mail.internet.MimeBodyPart) part).getRawInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String header(Part part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    /**
     * Decodes a header value as Japanese mailers write it: RFC 2047 encoded words (also inside words and with
     * mislabelled charsets), raw 8-bit UTF-8 or Shift_JIS, and raw ISO-2022-JP escape sequences.
     */
    static String decodeHeader(String raw) {
        if (raw == null) {
            return "";
        }
        String value = MimeUtility.unfold(raw);
        boolean rawBytes = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0x1b || (c >= 0x80 && c <= 0xff)) {
                rawBytes = true;
                break;
            }
        }
        if (rawBytes) {
            // header bytes were read as ISO-8859-1: recover the bytes and decode them as Japanese text
            value = JapaneseCharsets.decode(value.getBytes(StandardCharsets.ISO_8859_1), null).text();
        }
        if (!value.contains("=?")) {
            return value.strip();
        }
        value = BETWEEN_ENCODED_WORDS.matcher(value).replaceAll("$1$2");
        Matcher m = ENCODED_WORD.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decodeWord(m.group(1), m.group(2), m.group(3), m.group())));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    private static String decodeWord(String charset, String encoding, String text, String asWritten) {
        String cs = charset.contains("*") ? charset.substring(0, charset.indexOf('*')) : charset;
        byte[] bytes;
        try {
            if (encoding.equalsIgnoreCase("B")) {
                String b64 = text.replaceAll("[^A-Za-z0-9+/]", "");
                bytes = Base64.getDecoder().decode(b64 + "=".repeat((4 - b64.length() % 4) % 4));
            } else {
                bytes = qDecode(text);
            }
        } catch (IllegalArgumentException e) {
            return asWritten;
        }
        return JapaneseCharsets.decode(bytes, cs).text();
    }

    private static byte[] qDecode(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length()) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** The address of a From header, or null. */
    static String address(String from) {
        if (from == null || from.isBlank()) {
            return null;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(from, false);
            if (parsed.length > 0 && parsed[0].getAddress() != null && parsed[0].getAddress().contains("@")) {
                return parsed[0].getAddress().strip();
            }
        } catch (AddressException e) {
            // fall through to a plain search
        }
        Matcher m = ADDRESS.matcher(from);
        return m.find() ? m.group() : null;
    }

    private static String cleanMessageId(String raw) {
        if (raw == null) {
            return null;
        }
        String id = MimeUtility.unfold(raw).strip();
        return id.isEmpty() ? null : id;
    }

    /** RFC 3834: no automatic answer to automatic mail, bounces or list mail. */
    private static boolean autoReplyAllowed(MimeMessage message, String fromAddress) throws MessagingException {
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no")) {
            return false;
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list")) {
            return false;
        }
        if (header(message, "List-Id") != null || header(message, "X-Auto-Response-Suppress") != null) {
            return false;
        }
        if (fromAddress == null) {
            return false;
        }
        String local = fromAddress.substring(0, fromAddress.indexOf('@')).toLowerCase(Locale.ROOT);
        return !local.matches("mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?");
    }

    private static String htmlMetaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE).matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static String sniff(byte[] content, String name, String declared) {
        if (content.length >= 4 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F') {
            return "application/pdf";
        }
        if (content.length >= 8 && (content[0] & 0xff) == 0x89 && content[1] == 'P' && content[2] == 'N'
                && content[3] == 'G') {
            return "image/png";
        }
        if (content.length >= 3 && (content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xd8
                && (content[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (name != null) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".pdf")) {
                return "application/pdf";
            } else if (lower.endsWith(".png")) {
                return "image/png";
            } else if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
                return "image/jpeg";
            }
        }
        return declared.isBlank() ? "application/octet-stream" : declared;
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            default -> ".bin";
        };
    }

    private static final class Context {
        final StringBuilder body = new StringBuilder();
        final List<Attachment> attachments = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        void appendBody(String text) {
            if (text == null || text.isBlank()) {
                return;
            }
            if (body.length() > 0) {
                body.append("\n\n");
            }
            body.append(text.strip());
        }

        void merge(Context other) {
            appendBody(other.body.toString());
            attachments.addAll(other.attachments);
            problems.addAll(other.problems);
        }
    }
}
