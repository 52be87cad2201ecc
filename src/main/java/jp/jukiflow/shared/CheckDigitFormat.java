package jp.jukiflow.shared;

import java.util.function.ToIntFunction;

/**
 * The input rules of a number that ends in a check digit (全国地方公共団体コード, 住民票コード, 個人番号): its length,
 * its Japanese name, the stable error-code prefix, and the check-digit formula over the digits before the last.
 * Full-width digits and surrounding spaces are normalised; messages never repeat the rejected input.
 */
public record CheckDigitFormat(int length, String errorPrefix, String labelJa, ToIntFunction<String> checkDigit) {

    /** Normalises and validates a complete number; returns its ASCII digits. */
    public String parse(String raw) {
        String digits = DigitInput.requireDigits(raw, length, errorPrefix, labelJa);
        if (checkDigit.applyAsInt(digits.substring(0, length - 1)) != digits.charAt(length - 1) - '0') {
            throw new DomainRuleViolation(errorPrefix + "_CHECK_DIGIT",
                    labelJa + "の検査数字（最後の1桁）が正しくありません。入力に誤りがないか確認してください。");
        }
        return digits;
    }

    /** The complete number for the digits before the check digit. */
    public String withCheckDigit(String payload) {
        String digits = requirePayload(payload);
        return digits + checkDigit.applyAsInt(digits);
    }

    /** The check digit (0–9) for the digits before it. */
    public int checkDigitOf(String payload) {
        return checkDigit.applyAsInt(requirePayload(payload));
    }

    private String requirePayload(String payload) {
        return DigitInput.requireDigits(payload, length - 1, errorPrefix, labelJa + "（検査数字を除く部分）");
    }
}
