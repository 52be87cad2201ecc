package jp.jukiflow.municipality;

import jp.jukiflow.shared.CheckDigitFormat;
import jp.jukiflow.shared.DomainRuleViolation;

/**
 * Local government code (全国地方公共団体コード): 6 digits = 2-digit prefecture code + 3 digits + check digit.
 *
 * <pre>
 *   r = (d1×6 + d2×5 + d3×4 + d4×3 + d5×2) mod 11
 *   check digit = (11 − r) mod 10      (the last digit of 11 − r)
 * </pre>
 *
 * <p>Known limitation (verified in the tests): r = 0 and r = 10 both give check digit 1, so a single-digit
 * change of the payload between such codes is not detected — e.g. 011011 (札幌市中央区) and 011061
 * (札幌市南区) differ in one digit and are both valid. Every other single-digit change is detected.
 *
 * <p>Error codes: {@code LOCAL_GOVERNMENT_CODE_REQUIRED}, {@code _NOT_DIGITS}, {@code _LENGTH},
 * {@code _CHECK_DIGIT}, {@code _PREFECTURE} (prefecture part not 01–47).
 */
public record LocalGovernmentCode(String value) {

    public static final int LENGTH = 6;
    public static final int PAYLOAD_LENGTH = LENGTH - 1;
    private static final int[] WEIGHTS = {6, 5, 4, 3, 2};
    private static final String ERROR_PREFIX = "LOCAL_GOVERNMENT_CODE";
    private static final CheckDigitFormat FORMAT =
            new CheckDigitFormat(LENGTH, ERROR_PREFIX, "地方公共団体コード", LocalGovernmentCode::compute);

    /** Normalises and validates: always 6 ASCII digits, a correct check digit and a prefecture 01–47. */
    public LocalGovernmentCode {
        value = requireKnownPrefecture(FORMAT.parse(value));
    }

    /** Parses and validates a 6-digit code (full-width digits are accepted and normalised). */
    public static LocalGovernmentCode of(String raw) {
        return new LocalGovernmentCode(raw);
    }

    /** Builds the 6-digit code from the 5-digit form often found in data sets (e.g. 13101 → 131016). */
    public static LocalGovernmentCode withCheckDigit(String fiveDigits) {
        return new LocalGovernmentCode(FORMAT.withCheckDigit(fiveDigits));
    }

    /** The check digit (0–9) for the first five digits. */
    public static int checkDigitOf(String fiveDigits) {
        return FORMAT.checkDigitOf(fiveDigits);
    }

    /** The prefecture code (都道府県コード), the first two digits: "01" (北海道) … "47" (沖縄県). */
    public String prefectureCode() {
        return value.substring(0, 2);
    }

    private static int compute(String payload) {
        int sum = 0;
        for (int i = 0; i < PAYLOAD_LENGTH; i++) {
            sum += (payload.charAt(i) - '0') * WEIGHTS[i];
        }
        return (11 - sum % 11) % 10;
    }

    private static String requireKnownPrefecture(String digits) {
        int prefecture = Integer.parseInt(digits.substring(0, 2));
        if (prefecture < 1 || prefecture > 47) {
            throw new DomainRuleViolation(ERROR_PREFIX + "_PREFECTURE",
                    "地方公共団体コードの先頭2桁（都道府県コード）は01から47の範囲で入力してください。");
        }
        return digits;
    }

    @Override
    public String toString() {
        return value;
    }
}
