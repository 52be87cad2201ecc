package jp.jukiflow.transferout.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.jukiflow.transferout.TransferOutForm;

/**
 * Reads the clerk's start form 「郵送転出届の入力」 (forms/transfer-out-paper-intake.form) into a
 * {@link TransferOutForm}. Movers are typed one per line: 氏名, フリガナ, 生年月日, 性別, 続柄 (separated by commas,
 * 「、」 or tabs); the card holder is given by their line number (1, 2, …).
 */
final class PaperRequestForm {

    static final String PLANNED = "plannedMoveOutDate";
    static final String MOVED_ON = "movedOn";
    static final String FILER_NAME = "filerName";
    static final String FILER_KANA = "filerNameKana";
    static final String FILER_BIRTH = "filerBirthDate";
    static final String FILER_RELATION = "filerRelation";
    static final String CURRENT_ADDRESS = "currentAddress";
    static final String HEAD = "headOfHousehold";
    static final String NEW_CODE = "newMunicipalityCode";
    static final String NEW_ADDRESS = "newAddress";
    static final String NEW_HEAD = "newHeadOfHousehold";
    static final String MOVERS = "moversText";
    static final String CARD_HOLDER = "cardHolderNumber";
    static final String CARD_TYPE = "cardType";
    static final String CONTINUED = "continuedUse";
    static final String PHONE = "phone";
    static final String EMAIL = "email";
    static final String LETTER_ARRIVED_ON = "letterArrivedOn";

    private PaperRequestForm() {
    }

    static TransferOutForm read(Map<String, Object> v) {
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
        String holderIndex = holder == null ? null : holder.matches("\\d+") ? String.valueOf(Integer.parseInt(holder) - 1) : holder;
        return new TransferOutForm(text(v, PLANNED), text(v, MOVED_ON),
                new TransferOutForm.Filer(text(v, FILER_NAME), text(v, FILER_KANA), text(v, FILER_BIRTH), text(v, FILER_RELATION)),
                text(v, CURRENT_ADDRESS), text(v, HEAD),
                new TransferOutForm.NewAddress(text(v, NEW_CODE), text(v, NEW_ADDRESS)), text(v, NEW_HEAD),
                movers, holderIndex, text(v, CARD_TYPE), text(v, CONTINUED), text(v, PHONE), text(v, EMAIL));
    }

    /** The day the letter arrived (the day that counts for the deadlines), or null when not given. */
    static String arrivedOn(Map<String, Object> v) {
        return text(v, LETTER_ARRIVED_ON);
    }

    private static String part(String[] fields, int i) {
        return i < fields.length ? fields[i].strip() : null;
    }

    private static String text(Map<String, Object> v, String name) {
        Object value = v.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(TransferOutCases.JAPAN).toLocalDate().toString();
        }
        String s = value.toString();
        // Camunda Forms date pickers send 2026-12-10 or 2026-12-10T00:00:00…
        return s.length() > 10 && s.matches("\\d{4}-\\d{2}-\\d{2}T.*") ? s.substring(0, 10) : s;
    }
}
