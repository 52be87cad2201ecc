package jp.jukiflow.register;

import jp.jukiflow.shared.CheckDigitFormat;

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
public record MyNumber(String value) {

    public static final int LENGTH = 12;
    public static final int PAYLOAD_LENGTH = LENGTH - 1;
    static final String ERROR_PREFIX = "MY_NUMBER";
    static final CheckDigitFormat FORMAT =
            new CheckDigitFormat(LENGTH, ERROR_PREFIX, "個人番号", Modulus11CheckDigit::compute);

    /** Normalises and validates: a {@code MyNumber} always holds 12 ASCII digits with a correct check digit. */
    public MyNumber {
        value = FORMAT.parse(value);
    }

    /** Parses and validates a 12-digit individual number. */
    public static MyNumber of(String raw) {
        return new MyNumber(raw);
    }

    /** Builds an individual number from its 11 payload digits by appending the check digit. */
    public static MyNumber withCheckDigit(String elevenDigits) {
        return new MyNumber(FORMAT.withCheckDigit(elevenDigits));
    }

    /** The check digit (0–9) for 11 payload digits. */
    public static int checkDigitOf(String elevenDigits) {
        return FORMAT.checkDigitOf(elevenDigits);
    }

    /** Masked: never reveals the number. */
    @Override
    public String toString() {
        return "MyNumber[************]";
    }
}
