package jp.jukiflow.register;

import jp.jukiflow.shared.DigitInput;
import jp.jukiflow.shared.DomainRuleViolation;

/**
 * Individual number (個人番号, "My Number"): 12 digits = 11 payload digits + 1 check digit
 * (modulus 11, see {@link Modulus11CheckDigit}).
 *
 * <p>The individual number is specific personal information (特定個人情報); {@link #toString()} therefore
 * masks it so that it cannot leak into logs by accident. Use {@link #value()} where the number is needed.
 *
 * <p>Error codes: {@code MY_NUMBER_REQUIRED}, {@code MY_NUMBER_NOT_DIGITS}, {@code MY_NUMBER_LENGTH},
 * {@code MY_NUMBER_CHECK_DIGIT}.
 */
public final class MyNumber {

    public static final int LENGTH = 12;
    public static final int PAYLOAD_LENGTH = LENGTH - 1;
    static final String ERROR_PREFIX = "MY_NUMBER";
    private static final String LABEL = "個人番号";
    private static final String PAYLOAD_LABEL = "個人番号（検査数字を除く部分）";

    private final String value;

    private MyNumber(String value) {
        this.value = value;
    }

    /** Parses and validates a 12-digit individual number. */
    public static MyNumber of(String raw) {
        String digits = DigitInput.requireDigits(raw, LENGTH, ERROR_PREFIX, LABEL);
        if (!Modulus11CheckDigit.isValid(digits)) {
            throw new DomainRuleViolation(ERROR_PREFIX + "_CHECK_DIGIT",
                    "個人番号の検査数字（最後の1桁）が正しくありません。入力に誤りがないか確認してください。");
        }
        return new MyNumber(digits);
    }

    /** Builds an individual number from its 11 payload digits by appending the check digit. */
    public static MyNumber withCheckDigit(String elevenDigits) {
        String payload = DigitInput.requireDigits(elevenDigits, PAYLOAD_LENGTH, ERROR_PREFIX, PAYLOAD_LABEL);
        return new MyNumber(payload + Modulus11CheckDigit.compute(payload));
    }

    /** The check digit (0–9) for 11 payload digits. */
    public static int checkDigitOf(String elevenDigits) {
        return Modulus11CheckDigit.compute(
                DigitInput.requireDigits(elevenDigits, PAYLOAD_LENGTH, ERROR_PREFIX, PAYLOAD_LABEL));
    }

    /** The 12 ASCII digits. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MyNumber other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked: never reveals the number. */
    @Override
    public String toString() {
        return "MyNumber[************]";
    }
}
