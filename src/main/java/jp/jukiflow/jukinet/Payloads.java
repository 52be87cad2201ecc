package jp.jukiflow.jukinet;

import java.util.List;

/** The few checks every payload makes when built or read from JSON. */
final class Payloads {

    private Payloads() {
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A Juki-net payload needs " + name);
        }
    }

    static <T> List<T> requireNonEmpty(List<T> values, String name) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("A Juki-net payload needs at least one of " + name);
        }
        return List.copyOf(values);
    }
}
