package jp.jukiflow.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * One provision of a resident's data as the disclosure (提供状況の開示) lists it: when, to whom, why, which items, the
 * case reference, and where the line comes from — a provision record, or (when no record holds it, e.g. pruned after
 * the retention, or logged without one) the audit log.
 */
public record DisclosedProvision(LocalDate providedOn, String recipient, String purpose, List<String> items,
                                 String reference, Source source) {

    public DisclosedProvision {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Where a line of the disclosure comes from. */
    public enum Source {
        PROVISION_RECORD("提供記録"),
        AUDIT_LOG("アクセス記録");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
