package jp.jukiflow.pin;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.temporal.ChronoField;

/**
 * Ways a holder's birth date can be turned into a 4-digit PIN; {@link PinPolicy} refuses the configured ones.
 * YY is the last two digits of the year; the WAREKI forms use the Japanese era year (和暦), which many
 * residents use as "their" year (昭和55年 → 55).
 */
enum BirthDatePinForm {
    MMDD("生年月日の月日（例：3月10日生まれなら0310）"),
    DDMM("生年月日の日と月（例：3月10日生まれなら1003）"),
    YYMM("西暦の生まれ年の下2桁と月（例：1980年3月生まれなら8003）"),
    MMYY("月と西暦の生まれ年の下2桁（例：1980年3月生まれなら0380）"),
    YYYY("西暦の生まれ年（例：1980年生まれなら1980）"),
    WAREKI_YYMM("和暦の生まれ年と月（例：昭和55年3月生まれなら5503）"),
    WAREKI_MMYY("月と和暦の生まれ年（例：昭和55年3月生まれなら0355）");

    private final String ruleJa;

    BirthDatePinForm(String ruleJa) {
        this.ruleJa = ruleJa;
    }

    /** Japanese description for the rule text. */
    public String ruleJa() {
        return ruleJa;
    }

    /** Stable refusal code, e.g. {@code PIN_BIRTH_MMDD}. */
    public String code() {
        return "PIN_BIRTH_" + name();
    }

    /** The four digits this form yields for {@code birthDate}, or {@code null} if not defined (very old dates). */
    public String digitsOf(LocalDate birthDate) {
        String mm = two(birthDate.getMonthValue());
        String dd = two(birthDate.getDayOfMonth());
        String yy = two(birthDate.getYear() % 100);
        return switch (this) {
            case MMDD -> mm + dd;
            case DDMM -> dd + mm;
            case YYMM -> yy + mm;
            case MMYY -> mm + yy;
            case YYYY -> String.format("%04d", birthDate.getYear());
            case WAREKI_YYMM -> eraYear(birthDate) == null ? null : eraYear(birthDate) + mm;
            case WAREKI_MMYY -> eraYear(birthDate) == null ? null : mm + eraYear(birthDate);
        };
    }

    private static String eraYear(LocalDate birthDate) {
        try {
            return two(JapaneseDate.from(birthDate).get(ChronoField.YEAR_OF_ERA) % 100);
        } catch (DateTimeException beforeMeiji6) {
            return null;
        }
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
