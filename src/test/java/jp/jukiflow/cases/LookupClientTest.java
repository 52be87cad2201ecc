package jp.jukiflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client a failed status look-up counts for: IPv4 as it is, IPv6 by its /64, never a DNS look-up. */
class LookupClientTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "203.0.113.7               | 203.0.113.7",
            "' 203.0.113.7 '           | 203.0.113.7",
            "2001:db8:1:2::a           | 2001:db8:1:2::/64",
            "2001:0db8:0001:0002:ffff:ffff:ffff:ffff | 2001:db8:1:2::/64",
            "[2001:db8:1:2::a]         | 2001:db8:1:2::/64",
            "fe80::1%eth0              | fe80:0:0:0::/64",
            "::1                       | 0:0:0:0::/64",
            "::ffff:203.0.113.7        | 203.0.113.7",
            "not-an-address:with-colon | not-an-address:with-colon",
            "''                        | unknown"})
    void keys(String remoteAddress, String key) {
        assertThat(LookupClient.of(remoteAddress).key()).isEqualTo(key);
    }

    @Test
    void aLongTextIsCutAndNoAddressIsUnknown() {
        assertThat(LookupClient.of("x".repeat(300)).key()).hasSize(64);
        assertThat(LookupClient.of(null).key()).isEqualTo("unknown");
    }
}
