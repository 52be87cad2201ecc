package jp.jukiflow.suspension.internal;

import java.util.Arrays;
import java.util.Optional;

/** Why a card is suspended (docs/domain.md §4). Loss and theft need the police 受理番号. */
public enum SuspensionReason {
    LOSS("紛失"),
    THEFT("盗難"),
    DAMAGE("破損"),
    OTHER("その他");

    private final String label;

    SuspensionReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    boolean needsPoliceReceipt() {
        return this == LOSS || this == THEFT;
    }

    static Optional<SuspensionReason> find(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.toString().strip();
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(v) || r.label.equals(v)).findFirst();
    }
}
