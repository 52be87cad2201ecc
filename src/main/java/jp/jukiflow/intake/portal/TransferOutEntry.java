package jp.jukiflow.intake.portal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.jukiflow.transferout.TransferOutForm;
import jp.jukiflow.transferout.TransferOutRequestValidator;

/**
 * What a resident typed into the portal's transfer-out form, as a flat map from input name to text. The input
 * names are the JSON paths of the API ({@code filer.nameKana}, {@code movers[1].birthDate} …), so a field error of
 * the validator points at its input without translation; only the card holder is a row number
 * ({@code cardHolder}, 1-based) instead of the API's {@code cardHolderIndex}.
 *
 * <p>Reading normalises what a Japanese keyboard often produces: full-width digits, {@code 2026/12/10} or
 * {@code 2026年12月10日} for dates. Mover rows left entirely blank are dropped and the filled rows moved up, so
 * that the validator's {@code movers[i]} and "異動者i+1" match the rows the resident sees.
 */
public final class TransferOutEntry {

    /** Rows shown at first, and the most the page ever shows (more only to display what was posted). */
    public static final int DEFAULT_ROWS = 4;
    public static final int MAX_ROWS = TransferOutRequestValidator.MAX_MOVERS;
    /** Rows read from a request: beyond the limit, so that "11 movers" is reported rather than silently cut. */
    static final int READ_ROWS = 2 * MAX_ROWS;
    static final int ROWS_PER_ADD = 2;

    static final String CARD_HOLDER = "cardHolder";
    static final List<String> MOVER_FIELDS = List.of("name", "nameKana", "birthDate", "sex", "relationship");
    static final List<String> FIELDS = List.of("plannedMoveOutDate", "movedOn", "filer.name", "filer.nameKana",
            "filer.birthDate", "filer.relation", "currentAddress", "headOfHousehold", "newAddress.municipalityCode",
            "newAddress.address", "newHeadOfHousehold", CARD_HOLDER, "cardType", "continuedUse", "phone", "email");
    private static final List<String> DATE_FIELDS = List.of("plannedMoveOutDate", "movedOn", "filer.birthDate");
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年ー‐−―]\\s*(\\d{1,2})\\s*[-/.月ー‐−―]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DASHES = Pattern.compile("[ー‐−―]");

    private final Map<String, String> values;
    private final int filledRows;
    private final boolean cardHolderOnBlankRow;

    private TransferOutEntry(Map<String, String> values, int filledRows, boolean cardHolderOnBlankRow) {
        this.values = values;
        this.filledRows = filledRows;
        this.cardHolderOnBlankRow = cardHolderOnBlankRow;
    }

    /** The empty form: the card holder preselected as mover 1 (the usual case). */
    public static TransferOutEntry blank() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(CARD_HOLDER, "1");
        return new TransferOutEntry(values, 0, false);
    }

    /** Reads and normalises the posted fields; {@code parameters} answers an input name with its text or null. */
    public static TransferOutEntry read(Function<String, String> parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            put(values, field, normalise(field, parameters.apply(field)));
        }
        // move the filled mover rows up, remembering where the card holder's row went
        String holder = values.remove(CARD_HOLDER);
        int holderRow = parseRow(holder);
        int newHolderRow = -1;
        int filled = 0;
        for (int row = 0; row < READ_ROWS; row++) {
            Map<String, String> mover = new LinkedHashMap<>();
            for (String field : MOVER_FIELDS) {
                String name = mover(row, field);
                put(mover, field, normalise(name, parameters.apply(name)));
            }
            if (mover.isEmpty()) {
                continue;
            }
            if (row == holderRow) {
                newHolderRow = filled;
            }
            for (Map.Entry<String, String> e : mover.entrySet()) {
                values.put(mover(filled, e.getKey()), e.getValue());
            }
            filled++;
        }
        boolean holderOnBlankRow = holder != null && newHolderRow < 0;
        if (newHolderRow >= 0) {
            values.put(CARD_HOLDER, String.valueOf(newHolderRow + 1));
        }
        return new TransferOutEntry(values, filled, holderOnBlankRow);
    }

    /** The input name of a mover's field, e.g. {@code movers[2].birthDate} (row counted from 0). */
    public static String mover(int row, String field) {
        return "movers[" + row + "]." + field;
    }

    public String value(String name) {
        return values.get(name);
    }

    public int filledRows() {
        return filledRows;
    }

    /** The card holder was set to a row left blank (or to no row at all): the resident must choose again. */
    public boolean cardHolderOnBlankRow() {
        return cardHolderOnBlankRow;
    }

    /** The form the intake validates: only the filled rows, the card holder as a 0-based index. */
    public TransferOutForm toForm() {
        List<TransferOutForm.Mover> movers = new ArrayList<>();
        for (int row = 0; row < filledRows; row++) {
            movers.add(new TransferOutForm.Mover(value(mover(row, "name")), value(mover(row, "nameKana")),
                    value(mover(row, "birthDate")), value(mover(row, "sex")), value(mover(row, "relationship"))));
        }
        int holderRow = parseRow(value(CARD_HOLDER));
        return new TransferOutForm(value("plannedMoveOutDate"), value("movedOn"),
                new TransferOutForm.Filer(value("filer.name"), value("filer.nameKana"), value("filer.birthDate"),
                        value("filer.relation")),
                value("currentAddress"), value("headOfHousehold"),
                new TransferOutForm.NewAddress(value("newAddress.municipalityCode"), value("newAddress.address")),
                value("newHeadOfHousehold"), movers, holderRow < 0 ? null : String.valueOf(holderRow),
                value("cardType"), value("continuedUse"), value("phone"), value("email"));
    }

    /** Dates to ISO (2026/12/10, ２０２６年１２月１０日, 20261210 → 2026-12-10); phone, code and mail to half-width. */
    static String normalise(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String field = name.startsWith("movers[") ? name.substring(name.indexOf("].") + 2) : name;
        if (DATE_FIELDS.contains(name) || field.equals("birthDate")) {
            return normaliseDate(raw);
        }
        return switch (field) {
            case "phone" -> DASHES.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC).strip()).replaceAll("-");
            case "newAddress.municipalityCode", "email", CARD_HOLDER ->
                    Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
            default -> raw;
        };
    }

    static String normaliseDate(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            m = COMPACT_DATE.matcher(text);
            if (!m.matches()) {
                return text;
            }
        }
        return "%s-%02d-%02d".formatted(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value);
        }
    }

    /** A 1-based row number as a 0-based row, or -1. */
    private static int parseRow(String number) {
        if (number == null) {
            return -1;
        }
        try {
            int row = Integer.parseInt(number.strip()) - 1;
            return row >= 0 && row < READ_ROWS ? row : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
