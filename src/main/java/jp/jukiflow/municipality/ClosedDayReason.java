package jp.jukiflow.municipality;

/** Why an office is closed on a day, with the word shown to residents and clerks. */
public enum ClosedDayReason {
    SATURDAY("土曜日"),
    SUNDAY("日曜日"),
    NATIONAL_HOLIDAY("祝日"),
    SUBSTITUTE_HOLIDAY("振替休日"),
    CITIZENS_HOLIDAY("国民の休日"),
    YEAR_END_CLOSURE("年末年始");

    private final String label;

    ClosedDayReason(String label) {
        this.label = label;
    }

    /** The Japanese word, e.g. "土曜日" or "年末年始". */
    public String label() {
        return label;
    }
}
