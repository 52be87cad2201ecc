package jp.jukiflow.intake.internal;

import static jp.jukiflow.intake.internal.MailReviewVariables.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.jukiflow.transferout.FieldError;
import jp.jukiflow.transferout.TransferOutForm;

/**
 * The transfer-out fields of the clerk's form 「メール内容の確認」: prefilled from what the label parser read, and read
 * back into a {@link TransferOutForm} when the clerk accepts the mail as a request. Movers are one per line
 * (氏名, フリガナ, 生年月日, 性別, 続柄), the card holder by line number, as in the paper intake form.
 */
final class ReviewForm {

    private ReviewForm() {
    }

    /** Form variables for a parsed (but invalid) request; empty fields are left out. */
    static Map<String, Object> prefill(TransferOutForm form) {
        Map<String, Object> v = new HashMap<>();
        put(v, PLANNED_MOVE_OUT_DATE, form.plannedMoveOutDate());
        put(v, MOVED_ON, form.movedOn());
        if (form.filer() != null) {
            put(v, FILER_NAME, form.filer().name());
            put(v, FILER_NAME_KANA, form.filer().nameKana());
            put(v, FILER_BIRTH_DATE, form.filer().birthDate());
            put(v, FILER_RELATION, form.filer().relation());
        }
        put(v, CURRENT_ADDRESS, form.currentAddress());
        put(v, HEAD_OF_HOUSEHOLD, form.headOfHousehold());
        if (form.newAddress() != null) {
            put(v, NEW_MUNICIPALITY_CODE, form.newAddress().municipalityCode());
            put(v, NEW_ADDRESS, form.newAddress().address());
        }
        put(v, NEW_HEAD_OF_HOUSEHOLD, form.newHeadOfHousehold());
        if (!form.movers().isEmpty()) {
            put(v, MOVERS_TEXT, form.movers().stream()
                    .map(m -> String.join(", ", blank(m.name()), blank(m.nameKana()), blank(m.birthDate()),
                            blank(m.sex()), blank(m.relationship())))
                    .collect(Collectors.joining("\n")));
        }
        String holder = form.cardHolderIndex();
        put(v, CARD_HOLDER_NUMBER, holder != null && holder.matches("\\d{1,3}")
                ? String.valueOf(Integer.parseInt(holder) + 1) : holder);
        put(v, CARD_TYPE, form.cardType());
        put(v, CONTINUED_USE, form.continuedUse());
        put(v, PHONE, form.phone());
        put(v, EMAIL, form.email());
        return v;
    }

    /** What the clerk filled in. */
    static TransferOutForm read(Map<String, Object> v) {
        List<TransferOutForm.Mover> movers = new ArrayList<>();
        String lines = text(v, MOVERS_TEXT);
        if (lines != null) {
            for (String line : lines.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\\s*[,、，\\t]\\s*", -1);
                movers.add(new TransferOutForm.Mover(part(f, 0), part(f, 1), part(f, 2), part(f, 3), part(f, 4)));
            }
        }
        String holder = text(v, CARD_HOLDER_NUMBER);
        String holderIndex = holder != null && holder.matches("\\d{1,3}")
                ? String.valueOf(Integer.parseInt(holder) - 1) : holder;
        return new TransferOutForm(text(v, PLANNED_MOVE_OUT_DATE), text(v, MOVED_ON),
                new TransferOutForm.Filer(text(v, FILER_NAME), text(v, FILER_NAME_KANA), text(v, FILER_BIRTH_DATE),
                        text(v, FILER_RELATION)),
                text(v, CURRENT_ADDRESS), text(v, HEAD_OF_HOUSEHOLD),
                new TransferOutForm.NewAddress(text(v, NEW_MUNICIPALITY_CODE), text(v, NEW_ADDRESS)),
                text(v, NEW_HEAD_OF_HOUSEHOLD), movers, holderIndex, text(v, CARD_TYPE), text(v, CONTINUED_USE),
                text(v, PHONE), text(v, EMAIL));
    }

    /** The field errors as the clerk reads them: one line each, 「・項目: 理由」. */
    static String describe(List<FieldError> errors) {
        String text = errors.stream().map(e -> "・" + e.message() + "（" + e.field() + "）")
                .collect(Collectors.joining("\n"));
        return truncate(text);
    }

    static String truncate(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, MAX_TEXT) + "\n…（以下省略）";
    }

    private static void put(Map<String, Object> v, String name, String value) {
        if (value != null && !value.isBlank()) {
            v.put(name, truncate(value));
        }
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    private static String part(String[] fields, int i) {
        if (i >= fields.length) {
            return null;
        }
        String s = fields[i].strip();
        return s.isEmpty() ? null : s;
    }

    private static String text(Map<String, Object> v, String name) {
        Object value = v.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(java.time.ZoneId.of("Asia/Tokyo")).toLocalDate().toString();
        }
        String s = value.toString().strip();
        if (s.isEmpty()) {
            return null;
        }
        return s.length() > 10 && s.matches("\\d{4}-\\d{2}-\\d{2}T.*") ? s.substring(0, 10) : s;
    }
}
