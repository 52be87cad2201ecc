package jp.jukiflow.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Facts about the shared formula, including its known weakness. */
class Modulus11CheckDigitTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
            "12345678901, 8",   // the published My Number example (11 digits)
            "1234567890, 3",    // resident code payload (10 digits)
    })
    void sameFormulaForTenAndElevenDigits(String payload, int check) {
        assertThat(Modulus11CheckDigit.compute(payload)).isEqualTo(check);
    }

    /**
     * Remainders 0 and 1 both give check digit 0, so a single-digit typo that moves the remainder between
     * 0 and 1 is NOT detected. This is a property of the official formula, not a bug here.
     */
    @ParameterizedTest(name = "[{index}] {0} and {1} are both valid")
    @CsvSource({
            "12345678920, 12345678520",
            "12345678970, 12745678970",
    })
    void someSingleDigitTyposAreNotDetected(String original, String typo) {
        assertThat(ResidentCode.of(original).value()).isEqualTo(original);
        assertThat(ResidentCode.of(typo).value()).isEqualTo(typo);
        long differingPositions = java.util.stream.IntStream.range(0, 11)
                .filter(i -> original.charAt(i) != typo.charAt(i)).count();
        assertThat(differingPositions).isEqualTo(1);
    }

    @Test
    void singleDigitTypoIsDetectedWhenCheckDigitIsNotZero() {
        // For a code whose check digit is not 0 (remainder >= 2), every single-digit change is detected,
        // because all weights 2..7 are invertible modulo 11.
        String code = "12345678903";
        for (int pos = 0; pos < 11; pos++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d == code.charAt(pos)) {
                    continue;
                }
                String changed = code.substring(0, pos) + d + code.substring(pos + 1);
                assertThat(Modulus11CheckDigit.compute(changed.substring(0, 10))).as(changed).isNotEqualTo(changed.charAt(10) - '0');
            }
        }
    }
}
