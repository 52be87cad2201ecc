package jp.jukiflow.pin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PinHasherTest {

    private static final PinHasher HASHER = new PinHasher();
    private static String hash1;
    private static String hash2;

    @BeforeAll
    static void hashTwice() {
        hash1 = HASHER.hash("3952");
        hash2 = HASHER.hash("3952");
    }

    @Test
    void hashIsNotThePin() {
        assertThat(hash1).isNotEqualTo("3952").doesNotContain("3952");
        assertThat(hash1.length()).isGreaterThan(60); // 16-byte salt + 32-byte PBKDF2-SHA256 output, hex
    }

    @Test
    void twoHashesOfTheSamePinDifferBecauseOfTheSalt() {
        assertThat(hash1).isNotEqualTo(hash2);
        assertThat(HASHER.matches("3952", hash1)).isTrue();
        assertThat(HASHER.matches("3952", hash2)).isTrue();
    }

    @Test
    void wrongPinDoesNotMatch() {
        assertThat(HASHER.matches("3953", hash1)).isFalse();
        assertThat(HASHER.matches(null, hash1)).isFalse();
        assertThat(HASHER.matches("3952", null)).isFalse();
    }

    @Test
    void pepperedHashOnlyMatchesWithTheSamePepper() {
        PinHasher peppered = PinHasher.pbkdf2WithPepper("secret-outside-the-db");
        String hash = peppered.hash("8146");
        assertThat(peppered.matches("8146", hash)).isTrue();
        assertThat(HASHER.matches("8146", hash)).isFalse();
        assertThat(PinHasher.pbkdf2WithPepper("other").matches("8146", hash)).isFalse();
        assertThat(peppered.toString()).doesNotContain("secret");
    }
}
