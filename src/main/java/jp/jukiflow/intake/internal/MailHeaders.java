package jp.jukiflow.intake.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

/** Reads mail header values as Japanese mailers write them: encoded words, raw 8-bit bytes, loose addresses. */
final class MailHeaders {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_ENCODED_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'!#$&*/=?^`{|}~-]+@[A-Za-z0-9.-]+");

    private MailHeaders() {
    }

    /** The first value of a header as written, or null. */
    static String first(Part part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    /**
     * Decodes a header value as Japanese mailers write it: RFC 2047 encoded words (also inside words and with
     * mislabelled charsets), raw 8-bit UTF-8 or Shift_JIS, and raw ISO-2022-JP escape sequences.
     */
    static String decode(String raw) {
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
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

    /** The Message-ID unfolded and stripped, or null when there is none. */
    static String messageId(String raw) {
        if (raw == null) {
            return null;
        }
        String id = MimeUtility.unfold(raw).strip();
        return id.isEmpty() ? null : id;
    }
}
