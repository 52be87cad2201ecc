package jp.jukiflow.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.ParseException;

/**
 * Reads the type, file name and content of one MIME part without giving up on broken headers or transfer
 * encodings: what still cannot be read is added to the given problems list.
 */
final class LenientParts {

    private LenientParts() {
    }

    static ContentType contentType(Part part) {
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

    static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** The decoded file name from Content-Disposition or the Content-Type name, or null. */
    static String fileName(Part part) throws MessagingException {
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
        name = MailHeaders.decode(name);
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

    static Multipart multipart(Part part, List<String> problems) {
        try {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                return multipart;
            }
            problems.add("マルチパートの構造を読み取れませんでした。");
        } catch (MessagingException | IOException | RuntimeException e) {
            problems.add("マルチパートの構造を読み取れませんでした（" + e.getClass().getSimpleName() + "）。");
        }
        return null;
    }

    /** The decoded content of a part; on a broken transfer encoding the raw bytes, decoded leniently. */
    static byte[] bytes(Part part, List<String> problems) {
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
                problems.add("メールの一部を復号できませんでした。");
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
        try (InputStream in = ((MimeBodyPart) part).getRawInputStream()) {
            return in.readAllBytes();
        }
    }
}
