package jp.jukiflow.pin;

import java.util.Arrays;

/**
 * Guessable 4-digit PIN shapes that {@link PinPolicy} can refuse. The shapes do not overlap
 * (A ≠ B in ABAB and AABB), so every PIN matches at most one of them.
 */
enum WeakPinPattern {
    /** 0000, 1111, …, 9999. */
    ALL_SAME("同じ数字を4つ並べたもの（例：0000、7777）"),
    /** 0123 … 6789. */
    ASCENDING_RUN("1ずつ増える連続した数字（例：0123、1234、6789）"),
    /** 9876 … 3210. */
    DESCENDING_RUN("1ずつ減る連続した数字（例：9876、4321、3210）"),
    /** Runs that wrap from 9 to 0 or back: 7890, 8901, 9012, 0987, 1098, 2109. */
    WRAP_AROUND_RUN("9と0をまたいで続く連続した数字（例：7890、8901、9012、2109）"),
    /** ABAB with A ≠ B, e.g. 1212. */
    REPEATED_PAIR("2つの数字の繰り返し（例：1212、3434）"),
    /** AABB with A ≠ B, e.g. 1122. */
    DOUBLE_PAIR("同じ数字を2つずつ並べたもの（例：1122、5588）"),
    /** The straight middle column of a numeric keypad, top-down or bottom-up, phone or calculator layout. */
    KEYPAD_COLUMN("テンキーの縦一列（2580、0852、8520、0258）");

    private static final String[] KEYPAD_COLUMNS = {"2580", "0852", "8520", "0258"};

    private final String ruleJa;

    WeakPinPattern(String ruleJa) {
        this.ruleJa = ruleJa;
    }

    /** Japanese description for the rule text, e.g. "同じ数字を4つ並べたもの（例：0000、7777）". */
    public String ruleJa() {
        return ruleJa;
    }

    /** Stable refusal code, e.g. {@code PIN_ALL_SAME}. */
    public String code() {
        return "PIN_" + name();
    }

    /** @param pin exactly four ASCII digits */
    boolean matches(String pin) {
        int a = pin.charAt(0) - '0';
        int b = pin.charAt(1) - '0';
        int c = pin.charAt(2) - '0';
        int d = pin.charAt(3) - '0';
        return switch (this) {
            case ALL_SAME -> a == b && b == c && c == d;
            case ASCENDING_RUN -> b == a + 1 && c == b + 1 && d == c + 1;
            case DESCENDING_RUN -> b == a - 1 && c == b - 1 && d == c - 1;
            case WRAP_AROUND_RUN -> (steps(a, b, c, d, 1) || steps(a, b, c, d, 9))
                    && !ASCENDING_RUN.matches(pin) && !DESCENDING_RUN.matches(pin);
            case REPEATED_PAIR -> a == c && b == d && a != b;
            case DOUBLE_PAIR -> a == b && c == d && a != c;
            case KEYPAD_COLUMN -> Arrays.asList(KEYPAD_COLUMNS).contains(pin);
        };
    }

    private static boolean steps(int a, int b, int c, int d, int step) {
        return b == (a + step) % 10 && c == (b + step) % 10 && d == (c + step) % 10;
    }
}
