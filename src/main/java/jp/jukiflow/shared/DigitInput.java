package jp.jukiflow.shared;

/**
 * Parses fixed-length numeric codes typed by users or staff.
 *
 * <p>Friendly normalisation: surrounding whitespace (including the full-width space) is removed and
 * full-width digits {@code ０-９} become ASCII digits. Everything else that is not {@code 0-9} is refused;
 * in particular other Unicode digits (Arabic-Indic etc.) are not accepted.
 *
 * <p>Error codes are {@code <prefix>_REQUIRED}, {@code <prefix>_NOT_DIGITS} and {@code <prefix>_LENGTH}.
 * Messages never echo the input (it may be a personal number).
 */
public final class DigitInput {

    private DigitInput() {
    }

    /**
     * Returns the normalised ASCII digit string, or throws {@link DomainRuleViolation}.
     *
     * @param raw        user input, may be {@code null}
     * @param length     required number of digits
     * @param codePrefix prefix of the error codes, e.g. {@code RESIDENT_CODE}
     * @param labelJa    Japanese name of the field, e.g. {@code 住民票コード}
     */
    public static String requireDigits(String raw, int length, String codePrefix, String labelJa) {
        String value = normalise(raw);
        if (value == null || value.isEmpty()) {
            throw new DomainRuleViolation(codePrefix + "_REQUIRED",
                    labelJa + "が入力されていません。");
        }
        if (!isAsciiDigits(value)) {
            throw new DomainRuleViolation(codePrefix + "_NOT_DIGITS",
                    labelJa + "は数字のみで入力してください（数字以外の文字が含まれています）。");
        }
        if (value.length() != length) {
            throw new DomainRuleViolation(codePrefix + "_LENGTH",
                    labelJa + "は" + length + "桁の数字で入力してください（入力された桁数：" + value.length() + "桁）。");
        }
        return value;
    }

    /** Strips surrounding whitespace and converts full-width digits to ASCII; {@code null} stays {@code null}. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String stripped = raw.strip();
        StringBuilder sb = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            sb.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c);
        }
        return sb.toString();
    }

    /** {@code true} when the string is non-empty and consists of ASCII {@code 0-9} only. */
    public static boolean isAsciiDigits(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
