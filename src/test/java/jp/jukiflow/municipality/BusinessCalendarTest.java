package jp.jukiflow.municipality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessCalendarTest {

    // 2026-04-15 (Wed) 12:00 JST
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-15T03:00:00Z"), ZoneOffset.UTC);

    private final BusinessCalendar calendar = new BusinessCalendar(CLOCK);
    private final OfficeHours hours = OfficeHours.standard();

    @Test
    void isTheDateInTokyoWhateverTheClockZone() {
        // 2026-04-15T16:00Z is 2026-04-16 01:00 JST
        Clock utcEvening = Clock.fixed(Instant.parse("2026-04-15T16:00:00Z"), ZoneOffset.UTC);
        assertThat(new BusinessCalendar(utcEvening).today()).isEqualTo(LocalDate.of(2026, 4, 16));
        assertThat(calendar.today()).isEqualTo(LocalDate.of(2026, 4, 15));
    }

    @Test
    void isOpenNowUsesTheClock() {
        assertThat(calendar.isOpenNow(hours)).isTrue();
    }

    @ParameterizedTest(name = "{0}: open={1}, holiday={2}, reason={3}")
    @CsvSource(nullValues = "-", textBlock = """
            2026-04-15, true,  -,            -
            2026-04-18, false, -,            土曜日
            2026-04-19, false, -,            日曜日
            2026-04-29, false, 昭和の日,     祝日
            2026-05-03, false, 憲法記念日,   祝日
            2026-05-06, false, 振替休日,     振替休日
            2026-09-22, false, 国民の休日,   国民の休日
            2026-12-28, true,  -,            -
            2026-12-29, false, -,            年末年始
            2027-01-01, false, 元日,         年末年始
            2027-01-03, false, -,            年末年始
            2027-01-04, true,  -,            -
            2019-05-01, false, 即位の日,     祝日
            2021-03-20, false, 春分の日,     祝日
            2023-01-02, false, 振替休日,     年末年始
            """)
    void describesEachDay(LocalDate date, boolean open, String holiday, String reason) {
        CalendarDay day = calendar.day(date);

        assertThat(day.date()).isEqualTo(date);
        assertThat(day.open()).isEqualTo(open);
        assertThat(day.holiday()).isEqualTo(holiday);
        assertThat(day.reasonLabel()).isEqualTo(reason);
        assertThat(calendar.isClosedDay(date)).isEqualTo(!open);
        assertThat(calendar.isOpenDay(date)).isEqualTo(open);
    }

    @Test
    void listsEveryDayOfARangeInclusive() {
        List<CalendarDay> goldenWeek = calendar.days(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 7));

        assertThat(goldenWeek).extracting(CalendarDay::reasonLabel)
                .containsExactly(null, "土曜日", "祝日", "祝日", "祝日", "振替休日", null);
        assertThat(calendar.days(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 1))).hasSize(1);
    }

    @Test
    void rejectsAReversedRangeInJapanese() {
        assertThatThrownBy(() -> calendar.days(LocalDate.of(2026, 5, 7), LocalDate.of(2026, 5, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("開始日");
    }

    @Test
    void aCustomYearEndClosureIsHonoured() {
        var custom = new BusinessCalendar(CLOCK, new YearEndClosure(MonthDay.of(12, 28), MonthDay.of(1, 4)));

        assertThat(custom.day(LocalDate.of(2026, 12, 28)).reasonLabel()).isEqualTo("年末年始");
        assertThat(custom.isClosedDay(LocalDate.of(2027, 1, 4))).isTrue();
        assertThat(custom.isClosedDay(LocalDate.of(2027, 1, 5))).isFalse();
    }

    @ParameterizedTest(name = "{0} から {1}日以内 → {2}")
    @CsvSource(textBlock = """
            # docs/domain.md: planned 4/1, moved in 4/3 -> special transfer-in by 4/17 (Fri)
            2026-04-03, 14, 2026-04-17
            2026-04-01, 30, 2026-05-01
            # last day Saturday 4/18 -> Monday 4/20
            2026-04-04, 14, 2026-04-20
            # last day Sunday 4/19 -> Monday 4/20
            2026-04-05, 14, 2026-04-20
            # last day 5/3 in Golden Week (5/3 Sun, 5/4-5/5 holidays, 5/6 振替休日) -> Thursday 5/7
            2026-04-19, 14, 2026-05-07
            # last day 12/29 -> 2027-01-04 (Mon)
            2026-12-15, 14, 2027-01-04
            # last day 12/29 -> 1/4 is a Saturday in 2025 -> Monday 2025-01-06
            2024-12-15, 14, 2025-01-06
            # last day 1/3 -> 1/4 is a Sunday in 2026 -> Monday 2026-01-05
            2025-12-20, 14, 2026-01-05
            # last day 9/21 2026 (敬老の日), 9/22 国民の休日, 9/23 秋分の日 -> Thursday 9/24
            2026-09-07, 14, 2026-09-24
            # closed days inside the period count; an open last day stays
            2026-04-28, 2, 2026-04-30
            2026-04-02, 1, 2026-04-03
            # the start itself may be a closed day
            2026-04-18, 14, 2026-05-07
            2026-01-01, 90, 2026-04-01
            """)
    void firstDayIsNotCountedAndAClosedLastDayRollsForward(LocalDate start, int days, LocalDate expected) {
        assertThat(calendar.deadline(start, days)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void rejectsAPeriodShorterThanOneDayInJapanese(int days) {
        assertThatThrownBy(() -> calendar.deadline(LocalDate.of(2026, 4, 1), days))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1以上");
    }

    @ParameterizedTest(name = "{0} JST → {1}")
    @CsvSource(textBlock = """
            2026-04-15T08:29:59, false
            2026-04-15T08:30:00, true
            2026-04-15T12:00:00, true
            2026-04-15T17:14:00, true
            2026-04-15T17:14:59.999, true
            2026-04-15T17:15:00, false
            2026-04-15T23:00:00, false
            2026-04-18T10:00:00, false
            2026-04-19T10:00:00, false
            2026-04-29T10:00:00, false
            2026-05-06T10:00:00, false
            2026-09-22T10:00:00, false
            2026-12-28T10:00:00, true
            2026-12-30T10:00:00, false
            2027-01-04T10:00:00, true
            """)
    void inTokyoLocalTime(LocalDateTime tokyo, boolean open) {
        Instant instant = tokyo.atZone(BusinessCalendar.ZONE).toInstant();
        assertThat(calendar.isOpen(instant, hours)).isEqualTo(open);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            # 23:30Z on Tuesday is 08:30 on Wednesday in Tokyo
            2026-04-14T23:30:00Z, true
            2026-04-14T23:29:59Z, false
            # 08:15Z is 17:15 JST: closing time is exclusive
            2026-04-15T08:15:00Z, false
            2026-04-15T08:14:59Z, true
            # Sunday 23:30Z is Monday 08:30 in Tokyo
            2026-04-19T23:30:00Z, true
            # Friday 15:30Z is Saturday 00:30 in Tokyo
            2026-04-17T15:30:00Z, false
            # Tuesday 2026-05-05 23:30Z is 振替休日 5/6 08:30 in Tokyo
            2026-05-05T23:30:00Z, false
            # 2026-12-28T03:00Z is Monday 12/28 noon: the last open day of the year
            2026-12-28T03:00:00Z, true
            """)
    void utcInstantsAreConvertedToTokyo(Instant instant, boolean open) {
        assertThat(calendar.isOpen(instant, hours)).isEqualTo(open);
    }

    @Test
    void officeHoursMayIncludeASaturdayButNeverAHoliday() {
        var withSaturday = new OfficeHours(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(12, 0),
                java.util.EnumSet.of(java.time.DayOfWeek.SATURDAY));
        Instant saturday = LocalDateTime.of(2026, 4, 18, 10, 0).atZone(BusinessCalendar.ZONE).toInstant();
        Instant saturdayHoliday = LocalDateTime.of(2021, 3, 20, 10, 0).atZone(BusinessCalendar.ZONE).toInstant();
        Instant wednesday = LocalDateTime.of(2026, 4, 15, 10, 0).atZone(BusinessCalendar.ZONE).toInstant();

        assertThat(calendar.isOpen(saturday, withSaturday)).isTrue();
        assertThat(calendar.isOpen(saturdayHoliday, withSaturday)).isFalse();
        assertThat(calendar.isOpen(wednesday, withSaturday)).isFalse();
    }

    @ParameterizedTest(name = "({0}, {1}] → {2}")
    @CsvSource(textBlock = """
            # Friday to Monday across a weekend
            2026-04-17, 2026-04-20, 1
            2026-04-17, 2026-04-24, 5
            # 4/29 (Wed) is 昭和の日
            2026-04-28, 2026-05-01, 2
            # Golden Week: 5/2-5/6 closed
            2026-05-01, 2026-05-08, 2
            # year end: 12/28 open, 12/29-1/3 closed, 1/4 and 1/5 open
            2026-12-25, 2027-01-05, 3
            # a closed start day does not matter, the end day counts when open
            2026-04-18, 2026-04-20, 1
            2026-04-20, 2026-04-20, 0
            2026-04-18, 2026-04-19, 0
            # reversed: the negated count of open days in (to, from]
            2026-04-20, 2026-04-17, -1
            2026-05-08, 2026-05-01, -2
            """)
    void betweenCountsOpenDaysAfterFromUpToAndIncludingTo(LocalDate from, LocalDate to, int expected) {
        assertThat(calendar.businessDaysBetween(from, to)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} + {1} → {2}")
    @CsvSource(textBlock = """
            2026-04-17, 1, 2026-04-20
            2026-04-17, 5, 2026-04-24
            2026-04-28, 1, 2026-04-30
            2026-04-28, 2, 2026-05-01
            2026-05-01, 1, 2026-05-07
            2026-12-25, 1, 2026-12-28
            2026-12-25, 2, 2027-01-04
            2026-04-18, 1, 2026-04-20
            2026-04-18, 0, 2026-04-18
            2026-04-20, -1, 2026-04-17
            2026-05-07, -1, 2026-05-01
            2027-01-04, -1, 2026-12-28
            """)
    void addBusinessDaysGivesTheNthOpenDayAfterStart(LocalDate start, int n, LocalDate expected) {
        assertThat(calendar.addBusinessDays(start, n)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} の次の開庁日 → {1}")
    @CsvSource(textBlock = """
            2026-04-15, 2026-04-16
            2026-04-17, 2026-04-20
            2026-04-28, 2026-04-30
            2026-05-01, 2026-05-07
            2026-12-28, 2027-01-04
            2026-09-18, 2026-09-24
            """)
    void nextOpenDayIsStrictlyAfter(LocalDate date, LocalDate expected) {
        assertThat(calendar.nextOpenDay(date)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            2026-04-15, 2026-04-15
            2026-04-18, 2026-04-20
            2026-12-29, 2027-01-04
            """)
    void openDayOnOrAfterKeepsAnOpenDay(LocalDate date, LocalDate expected) {
        assertThat(calendar.openDayOnOrAfter(date)).isEqualTo(expected);
    }

    @Test
    void betweenAndAddAreConsistentForNonNegativeCounts() {
        LocalDate start = LocalDate.of(2026, 12, 20);
        for (int n = 0; n <= 30; n++) {
            assertThat(calendar.businessDaysBetween(start, calendar.addBusinessDays(start, n))).isEqualTo(n);
        }
    }
}
