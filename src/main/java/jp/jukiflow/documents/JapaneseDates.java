package jp.jukiflow.documents;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Objects;

/**
 * Dates in the Japanese calendar (和暦) as documents print them: {@code 令和8年11月26日}, the first year of an era as
 * 元年 ({@code 令和元年5月1日}, {@code 平成元年1月8日}). Covers every date from 明治6年1月1日 (1873-01-01, the adoption of
 * the Gregorian calendar) on.
 */
public final class JapaneseDates {

    private JapaneseDates() {
    }

    /** 令和8年11月26日; 元年 for the first year of an era. */
    public static String wareki(LocalDate date) {
        Objects.requireNonNull(date, "date");
        JapaneseDate jd;
        try {
            jd = JapaneseDate.from(date);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("和暦で表せない日付です: " + date, e);
        }
        int year = jd.get(ChronoField.YEAR_OF_ERA);
        return eraName(jd.getEra()) + (year == 1 ? "元" : Integer.toString(year)) + "年"
                + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 令和8年11月26日, or the given text (e.g. an empty string) when the date is null. */
    public static String wareki(LocalDate date, String whenNull) {
        return date == null ? whenNull : wareki(date);
    }

    private static String eraName(JapaneseEra era) {
        return era.getDisplayName(TextStyle.FULL, Locale.JAPAN);
    }
}
