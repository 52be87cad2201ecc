package jp.jukiflow.jpki.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Without the secret of its key the CA is off (a deployment that is not the demo), and says why. */
class CertificateAuthorityTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T01:00:00Z"), ZoneId.of("Asia/Tokyo"));

    @Test
    void withoutTheKeySecretTheCaIsNotConfiguredAndRefusesToSign() {
        for (String secret : new String[] {"", "   ", null}) {
            CertificateAuthority ca = new CertificateAuthority(null,
                    new JpkiSettings("http://localhost:8080/jpki/crl", Duration.ofHours(24), 3, secret), clock, null);
            assertThat(ca.configured()).isFalse();
            assertThatThrownBy(ca::certificate).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("jukiflow.jpki.ca-key-secret");
        }
        assertThat(new CertificateAuthority(null, new JpkiSettings("u", Duration.ofHours(24), 3, "s"), clock, null)
                .configured()).isTrue();
    }

    @Test
    void theSettingsNeverPrintTheSecret() {
        assertThat(new JpkiSettings("u", Duration.ofHours(24), 3, "very-secret").toString()).doesNotContain("very-secret");
    }
}
