package jp.jukiflow.municipality.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The table of 国民の祝日 in 国民の祝日に関する法律 (Holidays Act) §2 as amended over time, plus the
 * one-off rest days set by separate laws. Substitute holidays (振替休日) and citizens' holidays (国民の休日)
 * are derived from this table by {@code JapaneseHolidays}.
 */
public final class HolidayRules {

    /** One line of the table: a holiday name, the years it applies in (inclusive), and its date rule. */
    private record Rule(String name, int firstYear, int lastYear, IntFunction<LocalDate> date) {
    }

    private static final int OPEN_END = Integer.MAX_VALUE;

    private static final List<Rule> RULES = List.of(
            new Rule("元日", 1949, OPEN_END, fixed(1, 1)),
            new Rule("成人の日", 1949, 1999, fixed(1, 15)),
            new Rule("成人の日", 2000, OPEN_END, nthMonday(1, 2)),             // Happy Monday, Act of 1998
            new Rule("建国記念の日", 1967, OPEN_END, fixed(2, 11)),
            new Rule("天皇誕生日", 2020, OPEN_END, fixed(2, 23)),              // in force 2019-05-01
            new Rule("春分の日", 1949, OPEN_END, Equinox::vernal),
            new Rule("天皇誕生日", 1949, 1988, fixed(4, 29)),
            new Rule("みどりの日", 1989, 2006, fixed(4, 29)),
            new Rule("昭和の日", 2007, OPEN_END, fixed(4, 29)),
            new Rule("憲法記念日", 1949, OPEN_END, fixed(5, 3)),
            new Rule("みどりの日", 2007, OPEN_END, fixed(5, 4)),
            new Rule("こどもの日", 1949, OPEN_END, fixed(5, 5)),
            new Rule("海の日", 1996, 2002, fixed(7, 20)),
            new Rule("海の日", 2003, OPEN_END, olympicMove(nthMonday(7, 3),  // Happy Monday, Act of 2001
                    LocalDate.of(2020, 7, 23), LocalDate.of(2021, 7, 22))),
            new Rule("山の日", 2016, OPEN_END, olympicMove(fixed(8, 11),
                    LocalDate.of(2020, 8, 10), LocalDate.of(2021, 8, 8))),
            new Rule("敬老の日", 1966, 2002, fixed(9, 15)),
            new Rule("敬老の日", 2003, OPEN_END, nthMonday(9, 3)),
            new Rule("秋分の日", 1949, OPEN_END, Equinox::autumnal),
            new Rule("体育の日", 1966, 1999, fixed(10, 10)),
            new Rule("体育の日", 2000, 2019, nthMonday(10, 2)),
            new Rule("スポーツの日", 2020, OPEN_END, olympicMove(nthMonday(10, 2),
                    LocalDate.of(2020, 7, 24), LocalDate.of(2021, 7, 23))),
            new Rule("文化の日", 1949, OPEN_END, fixed(11, 3)),
            new Rule("勤労感謝の日", 1949, OPEN_END, fixed(11, 23)),
            new Rule("天皇誕生日", 1989, 2018, fixed(12, 23)));

    /**
     * Days made 休日 by a special law for the accession in 2019 (平成30年法律第99号). That law makes them count
     * as 国民の祝日 for the substitute-holiday and citizens'-holiday rules, which is why 2019-04-30 and
     * 2019-05-02 became 国民の休日.
     */
    private static final Map<LocalDate, String> COUNTED_AS_NATIONAL_HOLIDAYS = Map.of(
            LocalDate.of(2019, 5, 1), "即位の日",
            LocalDate.of(2019, 10, 22), "即位礼正殿の儀");

    /** One-off 休日 set by their own laws, without the "counts as 国民の祝日" clause. */
    private static final Map<LocalDate, String> ONE_OFF_REST_DAYS = Map.of(
            LocalDate.of(1989, 2, 24), "大喪の礼",
            LocalDate.of(1990, 11, 12), "即位礼正殿の儀",
            LocalDate.of(1993, 6, 9), "結婚の儀");

    private HolidayRules() {
    }

    /** The 国民の祝日 of a year (including the 2019 days that count as such), sorted by date. */
    public static TreeMap<LocalDate, String> nationalHolidaysOf(int year) {
        TreeMap<LocalDate, String> result = new TreeMap<>();
        for (Rule rule : RULES) {
            if (rule.firstYear() <= year && year <= rule.lastYear()) {
                result.put(rule.date().apply(year), rule.name());
            }
        }
        COUNTED_AS_NATIONAL_HOLIDAYS.forEach((date, name) -> {
            if (date.getYear() == year) {
                result.put(date, name);
            }
        });
        return result;
    }

    /** One-off rest days of a year that do not take part in the substitute/citizens' holiday rules. */
    public static TreeMap<LocalDate, String> oneOffRestDaysOf(int year) {
        TreeMap<LocalDate, String> result = new TreeMap<>();
        ONE_OFF_REST_DAYS.forEach((date, name) -> {
            if (date.getYear() == year) {
                result.put(date, name);
            }
        });
        return result;
    }

    private static IntFunction<LocalDate> fixed(int month, int day) {
        return year -> LocalDate.of(year, month, day);
    }

    private static IntFunction<LocalDate> nthMonday(int month, int n) {
        return year -> LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }

    /** The holidays moved for the Tokyo Olympics (東京オリンピック・パラリンピック特別措置法, 2020 and 2021). */
    private static IntFunction<LocalDate> olympicMove(IntFunction<LocalDate> usual, LocalDate in2020, LocalDate in2021) {
        return year -> switch (year) {
            case 2020 -> in2020;
            case 2021 -> in2021;
            default -> usual.apply(year);
        };
    }
}
