package jp.jukiflow.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.jukiflow.shared.DomainRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MyNumberTest {

    @Test
    void knownExample12345678901HasCheckDigit8() {
        assertThat(MyNumber.checkDigitOf("12345678901")).isEqualTo(8);
        assertThat(MyNumber.withCheckDigit("12345678901").value()).isEqualTo("123456789018");
        assertThat(MyNumber.of("123456789018").value()).isEqualTo("123456789018");
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(delimiter = '|', value = {
            "123456789018",
            "１２３４５６７８９０１８",
            "' 123456789018 '",
    })
    void acceptsValidNumbers(String raw) {
        assertThat(MyNumber.of(raw)).isEqualTo(MyNumber.of("123456789018"));
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL          | MY_NUMBER_REQUIRED",
            "''            | MY_NUMBER_REQUIRED",
            "12345678901x  | MY_NUMBER_NOT_DIGITS",
            "1234 5678 9018 | MY_NUMBER_NOT_DIGITS",
            "12345678901   | MY_NUMBER_LENGTH",
            "1234567890188 | MY_NUMBER_LENGTH",
            "123456789010  | MY_NUMBER_CHECK_DIGIT",
            "123456789019  | MY_NUMBER_CHECK_DIGIT",
            "213456789018  | MY_NUMBER_CHECK_DIGIT",
    })
    void refusesInvalidInputWithDistinctCode(String raw, String code) {
        assertThatThrownBy(() -> MyNumber.of(raw))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.messageJa()).contains("個人番号").doesNotContain("1234");
                });
    }

    @Test
    void toStringNeverRevealsTheNumber() {
        assertThat(MyNumber.of("123456789018").toString()).doesNotContainPattern("[0-9]");
    }
}
