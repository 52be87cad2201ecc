package jp.jukiflow.municipality;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The municipal office calendar: which days are closed (土日, national holidays, the year-end closure),
 * whether an office is open at an instant, and how deadlines and business days are counted.
 *
 * <p>Closed days (閉庁日) follow 地方自治法 §4-2 and the municipality's 休日条例: Saturdays, Sundays,
 * national holidays (see {@link JapaneseHolidays}) and the year-end closure (default 12/29–1/3). They decide
 * deadlines and business-day counts. Whether a counter is open at a given instant additionally depends on
 * the office's {@link OfficeHours}.
 *
 * <p>All local dates and times are in {@link #ZONE Asia/Tokyo}. Years outside 1970–2099 are not supported
 * and raise {@link IllegalArgumentException}.
 */
public final class BusinessCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private final Clock clock;
    private final YearEndClosure yearEndClosure;
    private final JapaneseHolidays holidays = new JapaneseHolidays();

    /** A calendar with the standard year-end closure 12/29–1/3. */
    public BusinessCalendar(Clock clock) {
        this(clock, YearEndClosure.standard());
    }

    public BusinessCalendar(Clock clock, YearEndClosure yearEndClosure) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.yearEndClosure = Objects.requireNonNull(yearEndClosure, "yearEndClosure");
    }

    /** Today in Asia/Tokyo, whatever zone the clock carries. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public CalendarDay day(LocalDate date) {
        Optional<String> holiday = holidays.holidayName(date);
        ClosedDayReason reason = closedReason(date, holiday);
        return new CalendarDay(date, reason == null, holiday.orElse(null), reason);
    }

    /** Saturday, Sunday, a national holiday or a day of the year-end closure. */
    public boolean isClosedDay(LocalDate date) {
        return closedReason(date, holidays.holidayName(date)) != null;
    }

    public boolean isOpenDay(LocalDate date) {
        return !isClosedDay(date);
    }

    /**
     * Whether the counter is open at an instant, taken in Asia/Tokyo: the weekday is one of the office's
     * open days, the day is neither a national holiday nor in the year-end closure, and the time is within
     * the hours (closing time exclusive). An office whose hours include Saturday is open on Saturdays that
     * are not holidays; with {@link OfficeHours#standard()} this is exactly "an open day within 8:30–17:15".
     */
    public boolean isOpen(Instant instant, OfficeHours hours) {
        ZonedDateTime local = instant.atZone(ZONE);
        LocalDate date = local.toLocalDate();
        return hours.opensOn(date.getDayOfWeek())
                && !holidays.isHoliday(date)
                && !yearEndClosure.includes(date)
                && hours.isWithinHours(local.toLocalTime());
    }

    /** {@link #isOpen(Instant, OfficeHours)} at the clock's current instant. */
    public boolean isOpenNow(OfficeHours hours) {
        return isOpen(clock.instant(), hours);
    }

    /**
     * The last day of a period of "N日以内" counted from {@code start}: the first day is not counted
     * (初日不算入, 民法§140), so the period ends on {@code start + days}; if that day is closed, the
     * period ends on the next open day (民法§142, 地方自治法§4-2④). Closed days inside the period count.
     *
     * @param days the length of the period, at least 1
     */
    public LocalDate deadline(LocalDate start, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("期間の日数は1以上で指定してください（指定された日数: " + days + "）。");
        }
        return openDayOnOrAfter(start.plusDays(days));
    }

    /** {@code date} itself if it is open, otherwise the next open day after it. */
    public LocalDate openDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        while (isClosedDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The first open day strictly after {@code date}. */
    public LocalDate nextOpenDay(LocalDate date) {
        return openDayOnOrAfter(date.plusDays(1));
    }

    /**
     * The n-th open day after {@code start} ({@code start} itself is never counted). {@code n = 0} returns
     * {@code start} unchanged, even when closed; a negative {@code n} gives the |n|-th open day before it.
     */
    public LocalDate addBusinessDays(LocalDate start, int n) {
        int step = n < 0 ? -1 : 1;
        int remaining = Math.abs(n);
        LocalDate day = start;
        while (remaining > 0) {
            day = day.plusDays(step);
            if (isOpenDay(day)) {
                remaining--;
            }
        }
        return day;
    }

    /**
     * The number of open days in {@code (from, to]}: {@code from} is not counted, {@code to} is.
     * Zero when {@code from} equals {@code to}. When {@code to} is before {@code from} the result is the
     * negated count of open days in {@code (to, from]}, so {@code between(a, b) == -between(b, a)}.
     * For {@code n >= 0}, {@code businessDaysBetween(d, addBusinessDays(d, n)) == n}.
     */
    public int businessDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -businessDaysBetween(to, from);
        }
        return (int) from.plusDays(1).datesUntil(to.plusDays(1)).filter(this::isOpenDay).count();
    }

    /** Every day from {@code from} to {@code to}, both inclusive. */
    public List<CalendarDay> days(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("期間の終了日（" + to + "）が開始日（" + from + "）より前です。");
        }
        return from.datesUntil(to.plusDays(1)).map(this::day).toList();
    }

    /** Year-end first, then the holiday kind, then the weekend; null on an open day. */
    private ClosedDayReason closedReason(LocalDate date, Optional<String> holiday) {
        if (yearEndClosure.includes(date)) {
            return ClosedDayReason.YEAR_END_CLOSURE;
        }
        if (holiday.isPresent()) {
            return switch (holiday.get()) {
                case JapaneseHolidays.SUBSTITUTE_HOLIDAY -> ClosedDayReason.SUBSTITUTE_HOLIDAY;
                case JapaneseHolidays.CITIZENS_HOLIDAY -> ClosedDayReason.CITIZENS_HOLIDAY;
                default -> ClosedDayReason.NATIONAL_HOLIDAY;
            };
        }
        DayOfWeek dayOfWeek = date.getDayOfWeek();
        if (dayOfWeek == DayOfWeek.SATURDAY) {
            return ClosedDayReason.SATURDAY;
        }
        if (dayOfWeek == DayOfWeek.SUNDAY) {
            return ClosedDayReason.SUNDAY;
        }
        return null;
    }
}
