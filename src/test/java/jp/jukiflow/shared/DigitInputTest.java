package jp.jukiflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigitInputTest {

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "123456        | 123456",
            "１２３４５６  | 123456",
            "'  123456 '   | 123456",
            "'　１２3456　' | 123456",
    })
    void normalisesFullWidthDigitsAndSurroundingSpaces(String raw, String expected) {
        assertThat(DigitInput.requireDigits(raw, 6, "X", "テスト")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL     | X_REQUIRED",
            "''       | X_REQUIRED",
            "'   '    | X_REQUIRED",
            "12a456   | X_NOT_DIGITS",
            "123 456  | X_NOT_DIGITS",
            "12-456   | X_NOT_DIGITS",
            "١٢٣٤٥٦   | X_NOT_DIGITS",
            "12345    | X_LENGTH",
            "1234567  | X_LENGTH",
    })
    void refusesWithDistinctCodes(String raw, String code) {
        assertThatThrownBy(() -> DigitInput.requireDigits(raw, 6, "X", "テスト"))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.messageJa()).startsWith("テスト");
                });
    }

    @Test
    void violationCarriesCodeAndJapaneseMessage() {
        DomainRuleViolation e = new DomainRuleViolation("SOME_CODE", "日本語のメッセージ");
        assertThat(e.code()).isEqualTo("SOME_CODE");
        assertThat(e.messageJa()).isEqualTo("日本語のメッセージ");
        assertThat(e.getMessage()).isEqualTo("日本語のメッセージ");
        assertThat(e).hasToString("jp.jukiflow.shared.DomainRuleViolation: [SOME_CODE] 日本語のメッセージ");
    }
}
