package jp.jukiflow.municipality;

import static jp.jukiflow.support.Towns.CHIYODA;
import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static jp.jukiflow.support.Towns.SAPPORO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertAll;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.jukiflow.shared.DomainRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LocalGovernmentCodeTest {

    private static final List<String> VALID = List.of(OKUSHIRI, HAKODATE, SAPPORO, CHIYODA);

    @ParameterizedTest(name = "[{index}] {0} {1} (prefecture {2})")
    @CsvSource({
            "013676, 奥尻町, 01",
            "012025, 函館市, 01",
            "011002, 札幌市, 01",
            "131016, 千代田区, 13",
            "011011, 札幌市中央区, 01",
            "011061, 札幌市南区, 01",
    })
    void acceptsKnownCodes(String raw, String name, String prefecture) {
        LocalGovernmentCode code = LocalGovernmentCode.of(raw);
        assertThat(code.value()).isEqualTo(raw);
        assertThat(code.prefectureCode()).isEqualTo(prefecture);
        assertThat(code).hasToString(raw);
        assertThat(LocalGovernmentCode.withCheckDigit(raw.substring(0, 5))).isEqualTo(code);
        assertThat(LocalGovernmentCode.checkDigitOf(raw.substring(0, 5))).isEqualTo(raw.charAt(5) - '0');
    }

    @Test
    void acceptsFullWidthDigits() {
        assertThat(LocalGovernmentCode.of("１３１０１６").value()).isEqualTo(CHIYODA);
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL     | LOCAL_GOVERNMENT_CODE_REQUIRED",
            "''       | LOCAL_GOVERNMENT_CODE_REQUIRED",
            "13101a   | LOCAL_GOVERNMENT_CODE_NOT_DIGITS",
            "13101    | LOCAL_GOVERNMENT_CODE_LENGTH",
            "1310160  | LOCAL_GOVERNMENT_CODE_LENGTH",
            "131017   | LOCAL_GOVERNMENT_CODE_CHECK_DIGIT",
            "013670   | LOCAL_GOVERNMENT_CODE_CHECK_DIGIT",
            "000001   | LOCAL_GOVERNMENT_CODE_PREFECTURE",
            "480002   | LOCAL_GOVERNMENT_CODE_PREFECTURE",
            "900001   | LOCAL_GOVERNMENT_CODE_PREFECTURE",
    })
    void refusesInvalidInputWithDistinctCode(String raw, String code) {
        assertThatThrownBy(() -> LocalGovernmentCode.of(raw))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.messageJa()).contains("地方公共団体コード");
                });
    }

    static Stream<Arguments> everySingleDigitChangeOfTheValidExamples() {
        List<Arguments> changes = new ArrayList<>();
        for (String code : VALID) {
            for (int pos = 0; pos < 6; pos++) {
                for (char d = '0'; d <= '9'; d++) {
                    if (d != code.charAt(pos)) {
                        changes.add(Arguments.of(code, code.substring(0, pos) + d + code.substring(pos + 1)));
                    }
                }
            }
        }
        return changes.stream(); // 4 codes × 6 positions × 9 digits = 216
    }

    /** Holds for these four codes (their remainders are 5, 6, 9, 5 — not 0 or 10); see the next test. */
    @ParameterizedTest(name = "[{index}] {0} -> {1} is refused")
    @MethodSource("everySingleDigitChangeOfTheValidExamples")
    void everySingleDigitChangeOfTheExamplesIsRefused(String original, String changed) {
        assertThatThrownBy(() -> LocalGovernmentCode.of(changed)).isInstanceOf(DomainRuleViolation.class);
    }

    /**
     * The truth for the whole code space: with check = (11 − r) mod 10, the remainders r = 0 and r = 10 both
     * yield check digit 1. A change of the check digit is always detected, and a change of one payload digit
     * always changes r (weights 2..6 are invertible mod 11) — but it goes undetected exactly when it moves r
     * between 0 and 10. Real example: 011011 (札幌市中央区) vs 011061 (札幌市南区).
     */
    @Test
    void singleDigitChangesAreUndetectedExactlyWhenRemainderMovesBetween0And10() {
        int[] weights = {6, 5, 4, 3, 2};
        int undetected = 0;
        for (int n = 0; n < 100_000; n++) {
            String payload = String.format("%05d", n);
            int r = remainder(payload, weights);
            for (int pos = 0; pos < 5; pos++) {
                for (char d = '0'; d <= '9'; d++) {
                    if (d == payload.charAt(pos)) {
                        continue;
                    }
                    String changed = payload.substring(0, pos) + d + payload.substring(pos + 1);
                    int r2 = remainder(changed, weights);
                    boolean sameCheck = LocalGovernmentCode.checkDigitOf(payload) == LocalGovernmentCode.checkDigitOf(changed);
                    assertThat(r2).isNotEqualTo(r);
                    if (sameCheck) {
                        undetected++;
                        assertThat(Math.min(r, r2)).isZero();
                        assertThat(Math.max(r, r2)).isEqualTo(10);
                    }
                }
            }
        }
        assertThat(undetected).isPositive();
        // check-digit position: only one digit is correct for a given payload, so any change there is detected
    }

    @Test
    void realExampleOfAnUndetectedTypo() {
        assertAll(
                () -> assertThat(LocalGovernmentCode.of("011011").value()).isEqualTo("011011"),
                () -> assertThat(LocalGovernmentCode.of("011061").value()).isEqualTo("011061"));
    }

    private static int remainder(String payload, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (payload.charAt(i) - '0') * weights[i];
        }
        return sum % 11;
    }
}
