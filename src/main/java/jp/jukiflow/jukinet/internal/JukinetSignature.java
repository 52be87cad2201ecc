package jp.jukiflow.jukinet.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a Juki-net HTTP message. The canonical string is the bytes of the {@code X-Jukinet-Timestamp}
 * header value exactly as sent (UTF-8), one line feed ({@code 0x0A}), then the request body exactly as sent:
 *
 * <pre>
 * canonical = timestamp + "\n" + body
 * X-Jukinet-Signature = base64( HMAC-SHA256( key = UTF-8 bytes of the shared key, canonical ) )
 * </pre>
 *
 * The timestamp is epoch seconds ({@code 1795654800}) or an ISO-8601 instant ({@code 2026-11-26T01:00:00Z}); the
 * sender of this deployment uses epoch seconds. Base64 is the standard alphabet with padding.
 */
public final class JukinetSignature {

    public static final String TIMESTAMP_HEADER = "X-Jukinet-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Jukinet-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private JukinetSignature() {
    }

    /** The bytes that are signed: timestamp, a line feed, the body. */
    public static byte[] canonical(String timestamp, byte[] body) {
        byte[] ts = timestamp.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[ts.length + 1 + body.length];
        System.arraycopy(ts, 0, out, 0, ts.length);
        out[ts.length] = '\n';
        System.arraycopy(body, 0, out, ts.length + 1, body.length);
        return out;
    }

    /** The value of {@code X-Jukinet-Signature} for this timestamp and body. */
    public static String sign(String sharedKey, String timestamp, byte[] body) {
        return Base64.getEncoder().encodeToString(hmac(sharedKey, canonical(timestamp, body)));
    }

    /** Whether the signature was made with this key over this timestamp and body (constant-time comparison). */
    public static boolean matches(String sharedKey, String timestamp, byte[] body, String signature) {
        if (signature == null || signature.isBlank() || timestamp == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(sharedKey, canonical(timestamp, body)), given);
    }

    /** The timestamp header read: epoch seconds or an ISO-8601 instant; anything else is an IllegalArgumentException. */
    public static Instant parseTimestamp(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            throw new IllegalArgumentException("no timestamp");
        }
        String value = timestamp.trim();
        if (value.matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not epoch seconds nor an ISO instant: " + value, e);
        }
    }

    /** Whether a timestamp is at most {@code maxSkew} before or after now. */
    public static boolean isFresh(Instant timestamp, Instant now, Duration maxSkew) {
        return Duration.between(timestamp, now).abs().compareTo(maxSkew) <= 0;
    }

    private static byte[] hmac(String sharedKey, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(sharedKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
