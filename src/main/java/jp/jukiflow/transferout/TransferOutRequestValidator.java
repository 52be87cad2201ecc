package jp.jukiflow.transferout;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jp.jukiflow.card.CardType;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.register.Sex;
import jp.jukiflow.shared.DomainRuleViolation;

/**
 * Checks a {@link TransferOutForm} field by field and turns it into a {@link TransferOutRequest}. Every problem is
 * reported at once, each with its field path, a stable code and a Japanese message. "Today" is the day the request
 * arrived (a mailed form counts by the day it arrives); {@code origin} is the municipality it was filed with (a
 * destination equal to it is refused by {@link TransferOutDestination}).
 */
public final class TransferOutRequestValidator {

    public static final int MAX_MOVERS = 10;
    static final int MAX_NAME = 50;
    static final int MAX_TEXT = 200;
    private static final Pattern KATAKANA = Pattern.compile("[\\u30A0-\\u30FF\\u3000 ]+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");
    private static final Pattern PHONE = Pattern.compile("[0-9][0-9-]{8,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final int acceptDaysBefore;

    /** @param acceptDaysBefore how many days before the planned date a request may arrive at the earliest */
    public TransferOutRequestValidator(int acceptDaysBefore) {
        this.acceptDaysBefore = acceptDaysBefore;
    }

    public TransferOutRequest validate(TransferOutForm form, LocalDate arrivedOn, LocalGovernmentCode origin) {
        Errors errors = new Errors();
        if (form == null) {
            errors.add("", "REQUIRED", "申請内容がありません。");
            throw errors.exception();
        }
        LocalDate planned = errors.date("plannedMoveOutDate", "転出予定日", form.plannedMoveOutDate(), true);
        LocalDate movedOn = errors.date("movedOn", "転出日", form.movedOn(), false);
        if (movedOn != null && movedOn.isAfter(arrivedOn)) {
            errors.add("movedOn", "DATE_IN_FUTURE", "転出日（" + movedOn + "）が未来の日付です。まだ転出していない場合は空欄にしてください。");
        }
        if (planned != null && planned.isAfter(arrivedOn.plusDays(acceptDaysBefore))) {
            errors.add("plannedMoveOutDate", "PLANNED_DATE_TOO_EARLY", "転出予定日の" + acceptDaysBefore
                    + "日前からお受けできます。" + planned.minusDays(acceptDaysBefore) + "以降に届くようお送りください。");
        }
        if (planned != null && planned.isBefore(arrivedOn) && movedOn == null && errors.isClean("movedOn")) {
            errors.add("movedOn", "MOVED_ON_REQUIRED", "転出予定日が過ぎています。実際に転出した日（転出日）を入力してください。");
        }

        TransferOutForm.Filer f = form.filer();
        TransferOutRequest.Filer filer = null;
        if (f == null) {
            errors.add("filer", "REQUIRED", "届出人の情報を入力してください。");
        } else {
            String name = errors.text("filer.name", "届出人の氏名", f.name(), MAX_NAME, true);
            String kana = errors.kana("filer.nameKana", "届出人のフリガナ", f.nameKana());
            LocalDate birth = errors.birthDate("filer.birthDate", "届出人の生年月日", f.birthDate(), arrivedOn);
            TransferOutRequest.FilerRelation relation = TransferOutRequest.FilerRelation.fromLabel(trim(f.relation()));
            if (relation == null) {
                errors.add("filer.relation", "INVALID_CHOICE", "届出人と異動者の関係は「本人」「世帯員」「代理人」のいずれかを選んでください。");
            }
            filer = new TransferOutRequest.Filer(name, kana, birth, relation);
        }
        String currentAddress = errors.text("currentAddress", "現住所", form.currentAddress(), MAX_TEXT, true);
        String head = errors.text("headOfHousehold", "現在の世帯主", form.headOfHousehold(), MAX_NAME, true);

        LocalGovernmentCode destination = null;
        String newAddress = null;
        if (form.newAddress() == null) {
            errors.add("newAddress", "REQUIRED", "新住所を入力してください。");
        } else {
            String code = trim(form.newAddress().municipalityCode());
            if (code != null) {
                try {
                    destination = LocalGovernmentCode.of(code);
                } catch (DomainRuleViolation e) {
                    errors.add("newAddress.municipalityCode", e.code(), "新住所の" + e.messageJa());
                }
            }
            TransferOutDestination.check(origin, destination).ifPresent(errors.list::add);
            newAddress = errors.text("newAddress.address", "新住所", form.newAddress().address(), MAX_TEXT, true);
        }
        String newHead = errors.text("newHeadOfHousehold", "新しい世帯主", form.newHeadOfHousehold(), MAX_NAME, true);

        List<TransferOutRequest.Mover> movers = new ArrayList<>();
        if (form.movers().isEmpty()) {
            errors.add("movers", "NO_MOVERS", "異動する人を1人以上入力してください。");
        } else if (form.movers().size() > MAX_MOVERS) {
            errors.add("movers", "TOO_MANY_MOVERS", "異動者は1回の届出で" + MAX_MOVERS + "人までです（" + form.movers().size() + "人入力されています）。");
        } else {
            for (int i = 0; i < form.movers().size(); i++) {
                movers.add(errors.mover("movers[" + i + "]", i + 1, form.movers().get(i), arrivedOn));
            }
        }
        int holder = errors.index("cardHolderIndex", form.cardHolderIndex(), movers.size());
        CardType cardType = cardType(trim(form.cardType()));
        if (cardType == null) {
            errors.add("cardType", "INVALID_CHOICE", "カードの種類は「住基カード」（JUKI）か「マイナンバーカード」（MY_NUMBER）を選んでください。");
        }
        Boolean continued = bool(trim(form.continuedUse()));
        if (continued == null) {
            errors.add("continuedUse", "INVALID_CHOICE", "カードの継続利用を希望するかどうか（true/false）を選んでください。");
        }
        String phone = errors.text("phone", "日中の連絡先電話番号", form.phone(), 20, true);
        if (phone != null && !PHONE.matcher(phone.replace("‐", "-")).matches()) {
            errors.add("phone", "INVALID_PHONE", "電話番号は数字とハイフンで入力してください（例: 01397-2-3111）。");
        }
        String email = errors.text("email", "メールアドレス", form.email(), MAX_TEXT, false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add("email", "INVALID_EMAIL", "メールアドレスの形式が正しくありません。");
        }
        if (!errors.list.isEmpty()) {
            throw errors.exception();
        }
        return new TransferOutRequest(planned, movedOn, filer, currentAddress, head, destination, newAddress, newHead,
                movers, holder, cardType, continued, phone, email);
    }

    /** Hiragana and half-width katakana become full-width katakana; spaces are kept. */
    public static String normaliseKana(String value) {
        String nfkc = Normalizer.normalize(value, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(cp -> out.appendCodePoint(cp >= 0x3041 && cp <= 0x3096 ? cp + 0x60 : cp));
        return out.toString().trim();
    }

    private static CardType cardType(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "JUKI", "住基カード" -> CardType.JUKI;
            case "MY_NUMBER", "マイナンバーカード" -> CardType.MY_NUMBER;
            default -> null;
        };
    }

    private static Boolean bool(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true", "希望する", "はい" -> Boolean.TRUE;
            case "false", "希望しない", "いいえ" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String t = value.strip();
        return t.isEmpty() ? null : t;
    }

    /** Collects field errors while reading the form. */
    private static final class Errors {
        private final List<FieldError> list = new ArrayList<>();

        void add(String field, String code, String message) {
            list.add(new FieldError(field, code, message));
        }

        boolean isClean(String field) {
            return list.stream().noneMatch(e -> e.field().equals(field));
        }

        InvalidTransferOutRequest exception() {
            return new InvalidTransferOutRequest(list);
        }

        String text(String field, String label, String raw, int max, boolean required) {
            String value = trim(raw);
            if (value == null) {
                if (required) {
                    add(field, "REQUIRED", label + "を入力してください。");
                }
                return null;
            }
            if (CONTROL.matcher(value).find()) {
                add(field, "CONTROL_CHARACTERS", label + "に使えない文字（制御文字）が含まれています。");
                return null;
            }
            if (value.codePointCount(0, value.length()) > max) {
                add(field, "TOO_LONG", label + "は" + max + "文字以内で入力してください。");
                return null;
            }
            return value;
        }

        String kana(String field, String label, String raw) {
            String value = text(field, label, raw, MAX_NAME, true);
            if (value == null) {
                return null;
            }
            String kana = normaliseKana(value);
            if (!KATAKANA.matcher(kana).matches()) {
                add(field, "KANA_INVALID", label + "はカタカナで入力してください。");
                return null;
            }
            return kana;
        }

        LocalDate date(String field, String label, String raw, boolean required) {
            String value = trim(raw);
            if (value == null) {
                if (required) {
                    add(field, "REQUIRED", label + "を入力してください。");
                }
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                add(field, "INVALID_DATE", label + "「" + value + "」は正しい日付ではありません。YYYY-MM-DD 形式の実在する日付を入力してください。");
                return null;
            }
        }

        LocalDate birthDate(String field, String label, String raw, LocalDate today) {
            LocalDate birth = date(field, label, raw, true);
            if (birth != null && birth.isAfter(today)) {
                add(field, "DATE_IN_FUTURE", label + "が未来の日付です。");
                return null;
            }
            return birth;
        }

        TransferOutRequest.Mover mover(String path, int number, TransferOutForm.Mover m, LocalDate today) {
            String who = "異動者" + number + "の";
            if (m == null) {
                add(path, "REQUIRED", who + "情報を入力してください。");
                return null;
            }
            String name = text(path + ".name", who + "氏名", m.name(), MAX_NAME, true);
            String kana = kana(path + ".nameKana", who + "フリガナ", m.nameKana());
            LocalDate birth = birthDate(path + ".birthDate", who + "生年月日", m.birthDate(), today);
            Sex sex = switch (String.valueOf(trim(m.sex()))) {
                case "男", "MALE" -> Sex.MALE;
                case "女", "FEMALE" -> Sex.FEMALE;
                default -> null;
            };
            if (sex == null) {
                add(path + ".sex", "INVALID_CHOICE", who + "性別は「男」か「女」を選んでください。");
            }
            String relationship = text(path + ".relationship", who + "続柄", m.relationship(), 20, true);
            return new TransferOutRequest.Mover(name, kana, birth, sex, relationship);
        }

        int index(String field, String raw, int movers) {
            String value = trim(raw);
            if (value == null) {
                return 0;
            }
            try {
                int index = Integer.parseInt(value);
                if (index >= 0 && (movers == 0 || index < movers)) {
                    return index;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            add(field, "CARD_HOLDER_INDEX", "カードを持つ異動者の番号が正しくありません（0から数えた異動者の番号）。");
            return 0;
        }
    }
}
