package jp.jukiflow.audit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detail of a {@link AuditAction#PROVIDE} line in the audit log, in a form both people and the disclosure can read:
 * {@code 提供記録番号：12／提供先：函館市長（012025）／項目：氏名、生年月日／受付番号：R-…}. Other code that logs a
 * provision without a provision record can write the same keys ({@link #of(String, List, String)}); the disclosure
 * then shows its 提供先 and 項目 too.
 */
public record ProvisionDetail(Long recordId, String recipient, List<String> items, String reference) {

    static final String RECORD = "提供記録番号";
    static final String RECIPIENT = "提供先";
    static final String ITEMS = "項目";
    static final String REFERENCE = "受付番号";
    private static final String FIELD_SEPARATOR = "／";
    private static final String KEY_SEPARATOR = "：";
    private static final String ITEM_SEPARATOR = "、";

    public ProvisionDetail {
        items = items == null ? List.of() : List.copyOf(items);
    }

    static ProvisionDetail of(ProvisionRecord r) {
        return new ProvisionDetail(r.id(), r.recipientLabel(), r.items(), r.reference());
    }

    /** A detail for a provision logged without a provision record. */
    public static ProvisionDetail of(String recipient, List<String> items, String reference) {
        return new ProvisionDetail(null, recipient, items, reference);
    }

    /** The text for {@link AuditLog#record}'s detail. */
    public String text() {
        StringBuilder out = new StringBuilder();
        append(out, RECORD, recordId == null ? null : recordId.toString());
        append(out, RECIPIENT, recipient);
        append(out, ITEMS, items.isEmpty() ? null : String.join(ITEM_SEPARATOR, items));
        append(out, REFERENCE, reference);
        return out.toString();
    }

    /** Reads a detail written by {@link #text()}; unknown text gives a detail without fields. */
    public static ProvisionDetail parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (text != null) {
            for (String part : text.split(FIELD_SEPARATOR)) {
                int colon = part.indexOf(KEY_SEPARATOR);
                if (colon > 0) {
                    fields.put(part.substring(0, colon).strip(), part.substring(colon + 1).strip());
                }
            }
        }
        Long id = null;
        try {
            id = fields.containsKey(RECORD) ? Long.valueOf(fields.get(RECORD)) : null;
        } catch (NumberFormatException e) {
            // not one of ours
        }
        String items = fields.get(ITEMS);
        return new ProvisionDetail(id, fields.get(RECIPIENT),
                items == null || items.isBlank() ? List.of() : Arrays.asList(items.split(ITEM_SEPARATOR)),
                fields.get(REFERENCE));
    }

    private static void append(StringBuilder out, String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append(FIELD_SEPARATOR);
        }
        out.append(key).append(KEY_SEPARATOR).append(value);
    }
}
