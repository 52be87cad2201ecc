package jp.jukiflow.transferout;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The transfer-out fields as a clerk types them in Tasklist — the start form 「郵送転出届の入力」 and the mail review
 * 「メール内容の確認」 — as process variables. Movers are typed one per line: 氏名, フリガナ, 生年月日, 性別, 続柄
 * (separated by commas, 「、」 or tabs); the card holder is given by their line number (1, 2, …).
 */
public final class ClerkTypedForm {

    public static final String PLANNED = "plannedMoveOutDate";
    public static final String MOVED_ON = "movedOn";
    public static final String FILER_NAME = "filerName";
    public static final String FILER_KANA = "filerNameKana";
    public static final String FILER_BIRTH = "filerBirthDate";
    public static final String FILER_RELATION = "filerRelation";
    public static final String CURRENT_ADDRESS = "currentAddress";
    public static final String HEAD = "headOfHousehold";
    public static final String NEW_CODE = "newMunicipalityCode";
    public static final String NEW_ADDRESS = "newAddress";
    public static final String NEW_HEAD = "newHeadOfHousehold";
    public static final String MOVERS = "moversText";
    public static final String CARD_HOLDER = "cardHolderNumber";
    public static final String CARD_TYPE = "cardType";
    public static final String CONTINUED = "continuedUse";
    public static final String PHONE = "phone";
    public static final String EMAIL = "email";
    /** Paper only: the day the letter arrived, which counts for the deadlines. */
    public static final String LETTER_ARRIVED_ON = "letterArrivedOn";

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private ClerkTypedForm() {
    }

    /** The form variables for what a resident wrote (to prefill a clerk's form); blank fields are left out. */
    public static Map<String, String> variables(TransferOutForm form) {
        Map<String, String> v = new HashMap<>();
        put(v, PLANNED, form.plannedMoveOutDate());
        put(v, MOVED_ON, form.movedOn());
        if (form.filer() != null) {
            put(v, FILER_NAME, form.filer().name());
            put(v, FILER_KANA, form.filer().nameKana());
            put(v, FILER_BIRTH, form.filer().birthDate());
            put(v, FILER_RELATION, form.filer().relation());
        }
        put(v, CURRENT_ADDRESS, form.currentAddress());
        put(v, HEAD, form.headOfHousehold());
        if (form.newAddress() != null) {
            put(v, NEW_CODE, form.newAddress().municipalityCode());
            put(v, NEW_ADDRESS, form.newAddress().address());
        }
        put(v, NEW_HEAD, form.newHeadOfHousehold());
        if (!form.movers().isEmpty()) {
            put(v, MOVERS, form.movers().stream()
                    .map(m -> String.join(", ", blank(m.name()), blank(m.nameKana()), blank(m.birthDate()),
                            blank(m.sex()), blank(m.relationship())))
                    .collect(Collectors.joining("\n")));
        }
        String holder = form.cardHolderIndex();
        put(v, CARD_HOLDER, holder != null && holder.matches("\\d{1,3}") ? String.valueOf(Integer.parseInt(holder) + 1) : holder);
        put(v, CARD_TYPE, form.cardType());
        put(v, CONTINUED, form.continuedUse());
        put(v, PHONE, form.phone());
        put(v, EMAIL, form.email());
        return v;
    }

    /** What the clerk typed, as a form for the validator. */
    public static TransferOutForm read(Map<String, Object> v) {
        List<TransferOutForm.Mover> movers = new ArrayList<>();
        String lines = text(v, MOVERS);
        if (lines != null) {
            for (String line : lines.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\\s*[,、，\\t]\\s*", -1);
                movers.add(new TransferOutForm.Mover(part(f, 0), part(f, 1), part(f, 2), part(f, 3), part(f, 4)));
            }
        }
        String holder = text(v, CARD_HOLDER);
        String holderIndex = holder != null && holder.matches("\\d{1,3}") ? String.valueOf(Integer.parseInt(holder) - 1) : holder;
        return new TransferOutForm(text(v, PLANNED), text(v, MOVED_ON),
                new TransferOutForm.Filer(text(v, FILER_NAME), text(v, FILER_KANA), text(v, FILER_BIRTH), text(v, FILER_RELATION)),
                text(v, CURRENT_ADDRESS), text(v, HEAD),
                new TransferOutForm.NewAddress(text(v, NEW_CODE), text(v, NEW_ADDRESS)), text(v, NEW_HEAD),
                movers, holderIndex, text(v, CARD_TYPE), text(v, CONTINUED), text(v, PHONE), text(v, EMAIL));
    }

    /** The day the letter arrived (the day that counts for the deadlines), or null when not given. */
    public static String arrivedOn(Map<String, Object> v) {
        return text(v, LETTER_ARRIVED_ON);
    }

    private static String part(String[] fields, int i) {
        if (i >= fields.length) {
            return null;
        }
        String s = fields[i].strip();
        return s.isEmpty() ? null : s;
    }

    private static void put(Map<String, String> v, String name, String value) {
        if (value != null && !value.isBlank()) {
            v.put(name, value);
        }
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    private static String text(Map<String, Object> v, String name) {
        Object value = v.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(JAPAN).toLocalDate().toString();
        }
        String s = value.toString();
        // Camunda Forms date pickers send 2026-12-10 or 2026-12-10T00:00:00…
        return s.length() > 10 && s.matches("\\d{4}-\\d{2}-\\d{2}T.*") ? s.substring(0, 10) : s;
    }
}
