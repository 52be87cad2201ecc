package jp.jukiflow.register;

import jp.jukiflow.shared.DigitInput;
import jp.jukiflow.shared.DomainRuleViolation;

/**
 * Resident code (住民票コード): 11 digits = 10 payload digits + 1 check digit
 * (modulus 11, see {@link Modulus11CheckDigit}).
 *
 * <p>Input may contain full-width digits and surrounding spaces; they are normalised.
 * Error codes: {@code RESIDENT_CODE_REQUIRED}, {@code RESIDENT_CODE_NOT_DIGITS},
 * {@code RESIDENT_CODE_LENGTH}, {@code RESIDENT_CODE_CHECK_DIGIT}.
 */
public final class ResidentCode {

    public static final int LENGTH = 11;
    public static final int PAYLOAD_LENGTH = LENGTH - 1;
    static final String ERROR_PREFIX = "RESIDENT_CODE";
    private static final String LABEL = "住民票コード";
    private static final String PAYLOAD_LABEL = "住民票コード（検査数字を除く部分）";

    private final String value;

    private ResidentCode(String value) {
        this.value = value;
    }

    /** Parses and validates an 11-digit resident code. */
    public static ResidentCode of(String raw) {
        String digits = DigitInput.requireDigits(raw, LENGTH, ERROR_PREFIX, LABEL);
        if (!Modulus11CheckDigit.isValid(digits)) {
            throw new DomainRuleViolation(ERROR_PREFIX + "_CHECK_DIGIT",
                    "住民票コードの検査数字（最後の1桁）が正しくありません。入力に誤りがないか確認してください。");
        }
        return new ResidentCode(digits);
    }

    /** Builds a resident code from its 10 payload digits by appending the check digit. */
    public static ResidentCode withCheckDigit(String tenDigits) {
        String payload = DigitInput.requireDigits(tenDigits, PAYLOAD_LENGTH, ERROR_PREFIX, PAYLOAD_LABEL);
        return new ResidentCode(payload + Modulus11CheckDigit.compute(payload));
    }

    /** The check digit (0–9) for 10 payload digits. */
    public static int checkDigitOf(String tenDigits) {
        return Modulus11CheckDigit.compute(
                DigitInput.requireDigits(tenDigits, PAYLOAD_LENGTH, ERROR_PREFIX, PAYLOAD_LABEL));
    }

    /** The 11 ASCII digits. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidentCode other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The 11 digits (as required by the brief; note that the resident code is protected personal data). */
    @Override
    public String toString() {
        return value;
    }
}
