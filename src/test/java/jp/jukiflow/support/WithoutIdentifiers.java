package jp.jukiflow.support;

import java.util.regex.Pattern;

/**
 * Removes generated identifiers (UUIDs, card numbers, 住民票コード, serials: runs of six or more digits) from a text
 * before a test asserts that a PIN does not appear in it. A random identifier such as card {@code PT2468148171}
 * contains a 4-digit PIN by chance about once in a thousand runs; a leaked PIN stands on its own.
 */
public final class WithoutIdentifiers {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern LONG_NUMBER = Pattern.compile("[A-Z]{0,3}\\d{6,}");

    private WithoutIdentifiers() {
    }

    public static String of(Object text) {
        String withoutUuids = UUID.matcher(String.valueOf(text)).replaceAll("<uuid>");
        return LONG_NUMBER.matcher(withoutUuids).replaceAll("<number>");
    }
}
