package jp.jukiflow.suspension.internal;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The police 受理番号 of a loss or theft report (遺失届・盗難届). Formats differ between prefectures, so only its shape is
 * checked: digits in up to four groups joined by hyphens, 1–20 characters, e.g. {@code 123}, {@code 2026-000123},
 * {@code 01-23-4567}. Full-width digits and dashes are accepted, as are a leading 第 and a trailing 号.
 */
final class PoliceReceiptNumber {

    static final String CODE = "POLICE_RECEIPT_NUMBER_FORMAT";
    static final String MESSAGE = "警察の受理番号は、数字（ハイフンで区切って4組まで、20文字以内）で入力してください。例: 2026-000123";
    private static final Pattern SHAPE = Pattern.compile("[0-9]{1,12}(-[0-9]{1,12}){0,3}");

    private PoliceReceiptNumber() {
    }

    /** Empty for blank input; the normalised number; or {@link IllegalArgumentException} for a malformed one. */
    static Optional<String> parse(Object value) {
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        String v = Normalizer.normalize(value.toString(), Normalizer.Form.NFKC).strip()
                .replaceAll("[\u2010-\u2015\u2212\u30fc\uff70]", "-").replace(" ", "");
        if (v.startsWith("第")) {
            v = v.substring(1);
        }
        if (v.endsWith("号")) {
            v = v.substring(0, v.length() - 1);
        }
        if (v.length() > 20 || !SHAPE.matcher(v).matches()) {
            throw new IllegalArgumentException(MESSAGE);
        }
        return Optional.of(v);
    }
}
