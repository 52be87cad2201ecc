package jp.jukiflow.suspension.internal;

import java.util.Arrays;
import java.util.Optional;

/** How the suspension was reported. */
public enum ReportChannel {
    COUNTER("窓口"),
    PHONE("電話"),
    CALLCENTER("24時間受付（コールセンター）");

    private final String label;

    ReportChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Optional<ReportChannel> find(Object value) {
        if (value == null || value.toString().isBlank()) {
            return Optional.of(COUNTER);
        }
        String v = value.toString().strip();
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(v)).findFirst();
    }
}
