package jp.jukiflow.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A recorded provision of a resident's data: {@link NewProvision} with its id, 提供年月日 and when it was recorded. */
public record ProvisionRecord(long id, LocalDate providedOn, Instant recordedAt, String providingMunicipalityCode,
                              String subjectResidentCode, String recipientName, String recipientCode, String purpose,
                              List<String> items, String reference) {

    public ProvisionRecord {
        items = List.copyOf(items);
    }

    /** 提供先 as printed: 「函館市長（012025）」, or the name alone. */
    public String recipientLabel() {
        return recipientCode == null ? recipientName : recipientName + "（" + recipientCode + "）";
    }
}
