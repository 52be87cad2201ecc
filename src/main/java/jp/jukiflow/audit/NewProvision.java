package jp.jukiflow.audit;

import java.util.List;
import java.util.Objects;

/**
 * A provision of a resident's data to be recorded (提供記録, docs/domain.md §8): the municipality providing it, whose data,
 * to whom (e.g. 「函館市長」 with its 6-digit code, or a body without one), why, which items (e.g. 氏名, 生年月日, 性別,
 * 住所, 続柄, 住民票コード) and the reference of the case (e.g. the receipt number of the issue).
 */
public record NewProvision(String providingMunicipalityCode, String subjectResidentCode, String recipientName,
                           String recipientCode /* nullable, 6-digit */, String purpose, List<String> items,
                           String reference /* receipt number */) {

    public NewProvision {
        requireText(providingMunicipalityCode, "providingMunicipalityCode");
        requireText(subjectResidentCode, "subjectResidentCode");
        requireText(recipientName, "recipientName");
        requireText(purpose, "purpose");
        if (recipientCode != null && !recipientCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("recipientCode must be 6 digits: " + recipientCode);
        }
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (items.isEmpty() || items.stream().anyMatch(i -> i == null || i.isBlank() || i.contains("|"))) {
            throw new IllegalArgumentException("items must name at least one item, without '|': " + items);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
