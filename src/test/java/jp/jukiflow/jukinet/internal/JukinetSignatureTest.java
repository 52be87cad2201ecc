package jp.jukiflow.jukinet.internal;

import static jp.jukiflow.support.Towns.SAPPORO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class JukinetSignatureTest {

    private static final String KEY = "test-key-sapporo-0123456789";
    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    private static final byte[] BODY = "{\"messageId\":\"m-1\",\"type\":\"MOVE_IN_NOTICE\",\"from\":\"011002\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void theCanonicalStringIsTimestampLineFeedBody() {
        assertThat(new String(JukinetSignature.canonical("1795654800", "{\"a\":\"住所\"}".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8)).isEqualTo("1795654800\n{\"a\":\"住所\"}");
    }

    @Test
    void theSignatureIsBase64OfHmacSha256OverTheCanonicalString() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal(("1795654800\n" + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));

        assertThat(JukinetSignature.sign(KEY, "1795654800", BODY)).isEqualTo(expected);
    }

    @Test
    void aKnownVectorStaysStable() {
        // computed outside Java: printf '0\n' | openssl dgst -sha256 -hmac key -binary | base64
        // another implementation (another vendor's deployment) can check itself against it
        assertThat(JukinetSignature.sign("key", "0", new byte[0]))
                .isEqualTo("zf0fuFIACNZbUx+UfqXmZHyPKQpXs/fMpef0AqlQa8w=");
    }

    @Test
    void theRightSignatureMatches() {
        String signature = JukinetSignature.sign(KEY, "1795654800", BODY);
        assertThat(JukinetSignature.matches(KEY, "1795654800", BODY, signature)).isTrue();
    }

    @Test
    void aTamperedBodyDoesNotMatch() {
        String signature = JukinetSignature.sign(KEY, "1795654800", BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace(SAPPORO, "011003")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(JukinetSignature.matches(KEY, "1795654800", tampered, signature)).isFalse();
    }

    @Test
    void aTamperedTimestampDoesNotMatch() {
        String signature = JukinetSignature.sign(KEY, "1795654800", BODY);
        assertThat(JukinetSignature.matches(KEY, "1795654801", BODY, signature)).isFalse();
    }

    @Test
    void aTamperedOrMalformedSignatureDoesNotMatch() {
        String signature = JukinetSignature.sign(KEY, "1795654800", BODY);
        char first = signature.charAt(0);
        String tampered = (first == 'A' ? 'B' : 'A') + signature.substring(1);
        assertThat(JukinetSignature.matches(KEY, "1795654800", BODY, tampered)).isFalse();
        assertThat(JukinetSignature.matches(KEY, "1795654800", BODY, "not base64 !!")).isFalse();
        assertThat(JukinetSignature.matches(KEY, "1795654800", BODY, "")).isFalse();
        assertThat(JukinetSignature.matches(KEY, "1795654800", BODY, null)).isFalse();
    }

    @Test
    void anotherKeyDoesNotMatch() {
        String signature = JukinetSignature.sign("another-key-0123456789", "1795654800", BODY);
        assertThat(JukinetSignature.matches(KEY, "1795654800", BODY, signature)).isFalse();
    }

    @Test
    void timestampsAreEpochSecondsOrIsoInstants() {
        assertThat(JukinetSignature.parseTimestamp(Long.toString(NOW.getEpochSecond()))).isEqualTo(NOW);
        assertThat(JukinetSignature.parseTimestamp("2026-11-26T01:00:00Z")).isEqualTo(NOW);
        assertThatThrownBy(() -> JukinetSignature.parseTimestamp("yesterday"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JukinetSignature.parseTimestamp(""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTimestampWithinFiveMinutesEitherWayIsFresh() {
        Duration skew = Duration.ofMinutes(5);
        assertThat(JukinetSignature.isFresh(NOW, NOW, skew)).isTrue();
        assertThat(JukinetSignature.isFresh(NOW.minus(skew), NOW, skew)).isTrue();
        assertThat(JukinetSignature.isFresh(NOW.plus(skew), NOW, skew)).isTrue();
    }

    @Test
    void staleAndFutureTimestampsAreNotFresh() {
        Duration skew = Duration.ofMinutes(5);
        assertThat(JukinetSignature.isFresh(NOW.minus(skew).minusSeconds(1), NOW, skew)).isFalse();
        assertThat(JukinetSignature.isFresh(NOW.plus(skew).plusSeconds(1), NOW, skew)).isFalse();
    }
}
