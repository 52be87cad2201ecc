package jp.jukiflow.register;

import jp.jukiflow.shared.CheckDigitFormat;

/**
 * Resident code (住民票コード): 11 digits = 10 payload digits + 1 check digit
 * (modulus 11, see {@link Modulus11CheckDigit}).
 *
 * <p>Input may contain full-width digits and surrounding spaces; they are normalised.
 * Error codes: {@code RESIDENT_CODE_REQUIRED}, {@code RESIDENT_CODE_NOT_DIGITS},
 * {@code RESIDENT_CODE_LENGTH}, {@code RESIDENT_CODE_CHECK_DIGIT}.
 */
public record ResidentCode(String value) {

    public static final int LENGTH = 11;
    public static final int PAYLOAD_LENGTH = LENGTH - 1;
    static final String ERROR_PREFIX = "RESIDENT_CODE";
    static final CheckDigitFormat FORMAT =
            new CheckDigitFormat(LENGTH, ERROR_PREFIX, "住民票コード", Modulus11CheckDigit::compute);

    /** Normalises and validates: a {@code ResidentCode} always holds 11 ASCII digits with a correct check digit. */
    public ResidentCode {
        value = FORMAT.parse(value);
    }

    /** Parses and validates an 11-digit resident code. */
    public static ResidentCode of(String raw) {
        return new ResidentCode(raw);
    }

    /** Builds a resident code from its 10 payload digits by appending the check digit. */
    public static ResidentCode withCheckDigit(String tenDigits) {
        return new ResidentCode(FORMAT.withCheckDigit(tenDigits));
    }

    /** The check digit (0–9) for 10 payload digits. */
    public static int checkDigitOf(String tenDigits) {
        return FORMAT.checkDigitOf(tenDigits);
    }

    /** The 11 digits (note that the resident code is protected personal data). */
    @Override
    public String toString() {
        return value;
    }
}
