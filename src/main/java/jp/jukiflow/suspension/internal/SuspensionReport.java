package jp.jukiflow.suspension.internal;

import static jp.jukiflow.suspension.CardSuspensionVariables.*;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jp.jukiflow.shared.InvalidInput.Field;

/**
 * A checked suspension report, read from the start form's or the API's variables. Each wrong field is named with a
 * stable code and a Japanese message ({@link InvalidSuspensionReport}).
 */
record SuspensionReport(String cardNumber, SuspensionReason reason, String reasonDetail, LocalDate lostOn,
                        String policeReceiptNumber, String reporterName, String reporterRelation, String reporterPhone,
                        String reporterEmail, ReportChannel channel, String officeId) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    static SuspensionReport read(Map<String, Object> v, LocalDate today) {
        List<Field> errors = new ArrayList<>();
        String card = text(v.get(CARD_NUMBER));
        if (card == null) {
            errors.add(new Field(CARD_NUMBER, "REQUIRED", "カード番号を入力してください。"));
        } else if (card.length() > 20) {
            errors.add(new Field(CARD_NUMBER, "CARD_NUMBER_FORMAT", "カード番号は20文字以内で入力してください。"));
        }
        SuspensionReason reason = SuspensionReason.find(v.get(SUSPENSION_REASON)).orElse(null);
        if (reason == null) {
            errors.add(new Field(SUSPENSION_REASON, "SUSPENSION_REASON",
                    "一時停止の理由は LOSS（紛失）・THEFT（盗難）・DAMAGE（破損）・OTHER（その他）のいずれかを指定してください。"));
        }
        String detail = text(v.get(REASON_DETAIL));
        if (reason == SuspensionReason.OTHER && detail == null) {
            errors.add(new Field(REASON_DETAIL, "REQUIRED", "理由が「その他」のときは、その内容を入力してください。"));
        } else if (detail != null && detail.length() > 500) {
            errors.add(new Field(REASON_DETAIL, "TOO_LONG", "理由の内容は500文字以内で入力してください。"));
        }
        LocalDate lostOn = null;
        String lost = text(v.get(LOST_ON));
        if (lost != null) {
            try {
                lostOn = LocalDate.parse(Normalizer.normalize(lost, Normalizer.Form.NFKC).replace('/', '-'));
                if (lostOn.isAfter(today)) {
                    errors.add(new Field(LOST_ON, "FUTURE_DATE", "紛失・盗難の日に未来の日付は指定できません（本日は" + today + "）。"));
                    lostOn = null;
                }
            } catch (DateTimeParseException e) {
                errors.add(new Field(LOST_ON, "INVALID_DATE", "紛失・盗難の日は YYYY-MM-DD の形式で入力してください。"));
            }
        }
        String police = null;
        try {
            police = PoliceReceiptNumber.parse(v.get(POLICE_RECEIPT_NUMBER)).orElse(null);
        } catch (IllegalArgumentException e) {
            errors.add(new Field(POLICE_RECEIPT_NUMBER, PoliceReceiptNumber.CODE, e.getMessage()));
        }
        String reporter = text(v.get(REPORTER_NAME));
        if (reporter == null) {
            errors.add(new Field(REPORTER_NAME, "REQUIRED", "届出人の氏名を入力してください。"));
        } else if (reporter.length() > 100) {
            errors.add(new Field(REPORTER_NAME, "TOO_LONG", "届出人の氏名は100文字以内で入力してください。"));
        }
        String email = text(v.get(RESIDENT_EMAIL));
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            errors.add(new Field(RESIDENT_EMAIL, "EMAIL_FORMAT", "メールアドレスの形式が正しくありません。"));
        }
        ReportChannel channel = ReportChannel.find(v.get(CHANNEL)).orElse(null);
        if (channel == null) {
            errors.add(new Field(CHANNEL, "CHANNEL", "受付の方法は COUNTER（窓口）・PHONE（電話）・CALLCENTER のいずれかです。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSuspensionReport(errors);
        }
        return new SuspensionReport(card, reason, detail, lostOn, police, reporter, limit(text(v.get(REPORTER_RELATION)), 40),
                limit(text(v.get(REPORTER_PHONE)), 30), email, channel, text(v.get(OFFICE_ID)));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
