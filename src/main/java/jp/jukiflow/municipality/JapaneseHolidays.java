package jp.jukiflow.municipality;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jp.jukiflow.municipality.internal.HolidayRules;

/**
 * Japanese national holidays under 国民の祝日に関する法律 (the Holidays Act) for 1970–2099.
 *
 * <p>Besides the 国民の祝日 themselves (with their historical changes, see {@link HolidayRules}) this
 * applies the Act's §3:
 * <ul>
 *   <li>振替休日 (§3②, from 1973-04-12): a 祝日 on a Sunday makes the next day a holiday; from 2007 the
 *       nearest following day that is not a 祝日.</li>
 *   <li>国民の休日 (§3③, from 1985-12-27): a day whose previous and next days are both 祝日 and that is
 *       not itself a 祝日; until 2006 Sundays and substitute holidays were excluded.</li>
 * </ul>
 * Instances are immutable and thread-safe; years are computed once and cached.
 */
public final class JapaneseHolidays {

    public static final int FIRST_YEAR = 1970;
    public static final int LAST_YEAR = 2099;

    /** Name used for a substitute holiday (振替休日). */
    public static final String SUBSTITUTE_HOLIDAY = "振替休日";
    /** Name used for a citizens' holiday (国民の休日). */
    public static final String CITIZENS_HOLIDAY = "国民の休日";

    private static final LocalDate SUBSTITUTE_HOLIDAY_SINCE = LocalDate.of(1973, 4, 12);
    private static final LocalDate CITIZENS_HOLIDAY_SINCE = LocalDate.of(1985, 12, 27);
    private static final LocalDate ACT_OF_2005_IN_FORCE = LocalDate.of(2007, 1, 1);

    private final Map<Integer, SortedMap<LocalDate, String>> cache = new ConcurrentHashMap<>();

    /** The holiday name of a date ("元日", "振替休日", "国民の休日", …), or empty on an ordinary day. */
    public Optional<String> holidayName(LocalDate date) {
        return Optional.ofNullable(holidaysOf(date.getYear()).get(date));
    }

    public boolean isHoliday(LocalDate date) {
        return holidaysOf(date.getYear()).containsKey(date);
    }

    /** All holidays of a year by date, with their Japanese names; an unmodifiable map. */
    public SortedMap<LocalDate, String> holidaysOf(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException(
                    "祝日の判定は" + FIRST_YEAR + "年から" + LAST_YEAR + "年までに対応しています（指定された年: " + year + "年）。");
        }
        return cache.computeIfAbsent(year, JapaneseHolidays::compute);
    }

    private static SortedMap<LocalDate, String> compute(int year) {
        TreeMap<LocalDate, String> nationalHolidays = HolidayRules.nationalHolidaysOf(year);
        TreeMap<LocalDate, String> result = new TreeMap<>(nationalHolidays);
        addSubstituteHolidays(nationalHolidays, result);
        addCitizensHolidays(nationalHolidays, result);
        result.putAll(HolidayRules.oneOffRestDaysOf(year));
        return Collections.unmodifiableSortedMap(result);
    }

    private static void addSubstituteHolidays(Map<LocalDate, String> nationalHolidays, Map<LocalDate, String> result) {
        for (LocalDate holiday : nationalHolidays.keySet()) {
            if (holiday.getDayOfWeek() != DayOfWeek.SUNDAY || holiday.isBefore(SUBSTITUTE_HOLIDAY_SINCE)) {
                continue;
            }
            LocalDate substitute = holiday.plusDays(1);
            if (!holiday.isBefore(ACT_OF_2005_IN_FORCE)) {
                while (nationalHolidays.containsKey(substitute)) {
                    substitute = substitute.plusDays(1);
                }
            }
            result.putIfAbsent(substitute, SUBSTITUTE_HOLIDAY);
        }
    }

    private static void addCitizensHolidays(Map<LocalDate, String> nationalHolidays, Map<LocalDate, String> result) {
        for (LocalDate holiday : nationalHolidays.keySet()) {
            LocalDate between = holiday.plusDays(1);
            boolean sandwiched = nationalHolidays.containsKey(holiday.plusDays(2)) && !nationalHolidays.containsKey(between);
            if (!sandwiched || between.isBefore(CITIZENS_HOLIDAY_SINCE)) {
                continue;
            }
            boolean excludedBefore2007 = between.isBefore(ACT_OF_2005_IN_FORCE)
                    && (between.getDayOfWeek() == DayOfWeek.SUNDAY || result.containsKey(between));
            if (!excludedBefore2007) {
                // From 2007 a day can be both 振替休日 and 国民の休日; the substitute label, set first, stays.
                result.putIfAbsent(between, CITIZENS_HOLIDAY);
            }
        }
    }
}
