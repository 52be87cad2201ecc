package jp.jukiflow.metrics.internal;

import java.util.Map;

/** Japanese names of the intake channels procedures record in their {@code channel} variable. */
final class ChannelLabels {

    /** A case started without a channel was started by a clerk at the counter. */
    static final String COUNTER = "窓口";

    private static final Map<String, String> LABELS = Map.of(
            "WEB", "ウェブ",
            "MAIL", "メール",
            "PAPER", "郵送",
            "COUNTER", COUNTER,
            "PHONE", "電話",
            "CALLCENTER", "24時間受付");

    private ChannelLabels() {
    }

    static String of(String channel) {
        return channel == null ? COUNTER : LABELS.getOrDefault(channel, channel);
    }
}
