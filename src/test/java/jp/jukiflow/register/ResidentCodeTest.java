package jp.jukiflow.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import jp.jukiflow.shared.DomainRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ResidentCodeTest {

    // Check digits worked out by hand with the modulus-11 formula (e.g. 1234567890: Σ = 129, r = 8, check = 3).
    @ParameterizedTest(name = "[{index}] {0} -> check digit {1}")
    @CsvSource({
            "1234567890, 3",
            "0123456789, 2",
            "9876543210, 3",
            "0000000001, 9",
            "5555555555, 4",
            "0000000000, 0",
            "1234567892, 0",   // r = 1 -> 0
            "1234567897, 0",   // r = 0 -> 0
    })
    void computesCheckDigit(String payload, int checkDigit) {
        assertThat(ResidentCode.checkDigitOf(payload)).isEqualTo(checkDigit);
        assertThat(ResidentCode.withCheckDigit(payload).value()).isEqualTo(payload + checkDigit);
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' is valid as {1}")
    @CsvSource(delimiter = '|', value = {
            "12345678903   | 12345678903",
            "01234567892   | 01234567892",
            "98765432103   | 98765432103",
            "１２３４５６７８９０３ | 12345678903",
            "' 12345678903 ' | 12345678903",
    })
    void acceptsValidCodes(String raw, String expected) {
        ResidentCode code = ResidentCode.of(raw);
        assertThat(code.value()).isEqualTo(expected);
        assertThat(code).hasToString(expected).isEqualTo(ResidentCode.of(expected));
        assertThat(code.hashCode()).isEqualTo(ResidentCode.of(expected).hashCode());
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL          | RESIDENT_CODE_REQUIRED",
            "''            | RESIDENT_CODE_REQUIRED",
            "'   '         | RESIDENT_CODE_REQUIRED",
            "1234567890a   | RESIDENT_CODE_NOT_DIGITS",
            "1234-5678-903 | RESIDENT_CODE_NOT_DIGITS",
            "１２３４５６７８９０Ａ | RESIDENT_CODE_NOT_DIGITS",
            "1234567890    | RESIDENT_CODE_LENGTH",
            "123456789031  | RESIDENT_CODE_LENGTH",
            "12345678900   | RESIDENT_CODE_CHECK_DIGIT",
            "12345678904   | RESIDENT_CODE_CHECK_DIGIT",
            "21345678903   | RESIDENT_CODE_CHECK_DIGIT",
    })
    void refusesInvalidInputWithDistinctCode(String raw, String code) {
        assertThatThrownBy(() -> ResidentCode.of(raw))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.messageJa()).contains("住民票コード");
                });
    }

    static Stream<String> everyWrongCheckDigitOf12345678903() {
        return IntStream.rangeClosed(0, 9).filter(d -> d != 3).mapToObj(d -> "1234567890" + d);
    }

    @ParameterizedTest
    @MethodSource("everyWrongCheckDigitOf12345678903")
    void refusesEveryOtherCheckDigit(String raw) {
        assertThatThrownBy(() -> ResidentCode.of(raw))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("RESIDENT_CODE_CHECK_DIGIT"));
    }

    @ParameterizedTest(name = "[{index}] payload ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL         | RESIDENT_CODE_REQUIRED",
            "123456789    | RESIDENT_CODE_LENGTH",
            "12345678903  | RESIDENT_CODE_LENGTH",
            "12345x7890   | RESIDENT_CODE_NOT_DIGITS",
    })
    void refusesInvalidPayload(String payload, String code) {
        assertThatThrownBy(() -> ResidentCode.withCheckDigit(payload))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.code()).isEqualTo(code));
        assertThatThrownBy(() -> ResidentCode.checkDigitOf(payload))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void messageDoesNotEchoTheInput() {
        assertThatThrownBy(() -> ResidentCode.of("12345678904"))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        e -> assertThat(e.messageJa()).doesNotContain("12345678904"));
    }
}
