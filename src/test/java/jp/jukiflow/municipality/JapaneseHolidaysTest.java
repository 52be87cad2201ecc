package jp.jukiflow.municipality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JapaneseHolidaysTest {

    private final JapaneseHolidays holidays = new JapaneseHolidays();

    /**
     * Complete holiday lists written out by hand from the Act, the 2019 accession law, the Olympic special
     * measures law and the 官報 equinox dates. Columns: date, weekday (checked too, to catch typos in this
     * table), name.
     */
    static Stream<Arguments> completeYears() {
        return Stream.of(
                Arguments.of(2019, """
                        2019-01-01 火 元日
                        2019-01-14 月 成人の日
                        2019-02-11 月 建国記念の日
                        2019-03-21 木 春分の日
                        2019-04-29 月 昭和の日
                        2019-04-30 火 国民の休日
                        2019-05-01 水 即位の日
                        2019-05-02 木 国民の休日
                        2019-05-03 金 憲法記念日
                        2019-05-04 土 みどりの日
                        2019-05-05 日 こどもの日
                        2019-05-06 月 振替休日
                        2019-07-15 月 海の日
                        2019-08-11 日 山の日
                        2019-08-12 月 振替休日
                        2019-09-16 月 敬老の日
                        2019-09-23 月 秋分の日
                        2019-10-14 月 体育の日
                        2019-10-22 火 即位礼正殿の儀
                        2019-11-03 日 文化の日
                        2019-11-04 月 振替休日
                        2019-11-23 土 勤労感謝の日
                        """),
                Arguments.of(2020, """
                        2020-01-01 水 元日
                        2020-01-13 月 成人の日
                        2020-02-11 火 建国記念の日
                        2020-02-23 日 天皇誕生日
                        2020-02-24 月 振替休日
                        2020-03-20 金 春分の日
                        2020-04-29 水 昭和の日
                        2020-05-03 日 憲法記念日
                        2020-05-04 月 みどりの日
                        2020-05-05 火 こどもの日
                        2020-05-06 水 振替休日
                        2020-07-23 木 海の日
                        2020-07-24 金 スポーツの日
                        2020-08-10 月 山の日
                        2020-09-21 月 敬老の日
                        2020-09-22 火 秋分の日
                        2020-11-03 火 文化の日
                        2020-11-23 月 勤労感謝の日
                        """),
                Arguments.of(2021, """
                        2021-01-01 金 元日
                        2021-01-11 月 成人の日
                        2021-02-11 木 建国記念の日
                        2021-02-23 火 天皇誕生日
                        2021-03-20 土 春分の日
                        2021-04-29 木 昭和の日
                        2021-05-03 月 憲法記念日
                        2021-05-04 火 みどりの日
                        2021-05-05 水 こどもの日
                        2021-07-22 木 海の日
                        2021-07-23 金 スポーツの日
                        2021-08-08 日 山の日
                        2021-08-09 月 振替休日
                        2021-09-20 月 敬老の日
                        2021-09-23 木 秋分の日
                        2021-11-03 水 文化の日
                        2021-11-23 火 勤労感謝の日
                        """),
                Arguments.of(2026, """
                        2026-01-01 木 元日
                        2026-01-12 月 成人の日
                        2026-02-11 水 建国記念の日
                        2026-02-23 月 天皇誕生日
                        2026-03-20 金 春分の日
                        2026-04-29 水 昭和の日
                        2026-05-03 日 憲法記念日
                        2026-05-04 月 みどりの日
                        2026-05-05 火 こどもの日
                        2026-05-06 水 振替休日
                        2026-07-20 月 海の日
                        2026-08-11 火 山の日
                        2026-09-21 月 敬老の日
                        2026-09-22 火 国民の休日
                        2026-09-23 水 秋分の日
                        2026-10-12 月 スポーツの日
                        2026-11-03 火 文化の日
                        2026-11-23 月 勤労感謝の日
                        """),
                Arguments.of(2027, """
                        2027-01-01 金 元日
                        2027-01-11 月 成人の日
                        2027-02-11 木 建国記念の日
                        2027-02-23 火 天皇誕生日
                        2027-03-21 日 春分の日
                        2027-03-22 月 振替休日
                        2027-04-29 木 昭和の日
                        2027-05-03 月 憲法記念日
                        2027-05-04 火 みどりの日
                        2027-05-05 水 こどもの日
                        2027-07-19 月 海の日
                        2027-08-11 水 山の日
                        2027-09-20 月 敬老の日
                        2027-09-23 木 秋分の日
                        2027-10-11 月 スポーツの日
                        2027-11-03 水 文化の日
                        2027-11-23 火 勤労感謝の日
                        """),
                Arguments.of(2099, """
                        2099-01-01 木 元日
                        2099-01-12 月 成人の日
                        2099-02-11 水 建国記念の日
                        2099-02-23 月 天皇誕生日
                        2099-03-20 金 春分の日
                        2099-04-29 水 昭和の日
                        2099-05-03 日 憲法記念日
                        2099-05-04 月 みどりの日
                        2099-05-05 火 こどもの日
                        2099-05-06 水 振替休日
                        2099-07-20 月 海の日
                        2099-08-11 火 山の日
                        2099-09-21 月 敬老の日
                        2099-09-22 火 国民の休日
                        2099-09-23 水 秋分の日
                        2099-10-12 月 スポーツの日
                        2099-11-03 火 文化の日
                        2099-11-23 月 勤労感謝の日
                        """));
    }

    @ParameterizedTest(name = "{0}年の祝日一覧")
    @MethodSource("completeYears")
    void holidaysOfMatchesTheCompleteList(int year, String table) {
        List<String> expected = table.lines().map(String::strip).toList();
        for (String line : expected) {
            String[] columns = line.split(" ");
            String weekday = LocalDate.parse(columns[0]).getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE);
            assertEquals(columns[1], weekday, () -> "test table has a wrong weekday: " + line);
        }

        List<String> actual = holidays.holidaysOf(year).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getKey().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE)
                        + " " + e.getValue())
                .toList();

        assertEquals(expected, actual);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "-", textBlock = """
            1970-01-15, 成人の日
            1970-03-21, 春分の日
            1970-09-23, 秋分の日
            1970-10-10, 体育の日
            1973-02-11, 建国記念の日
            1973-02-12, -
            1973-04-29, 天皇誕生日
            1973-04-30, 振替休日
            1973-09-23, 秋分の日
            1973-09-24, 振替休日
            1979-09-24, 秋分の日
            1985-05-04, -
            1986-05-04, -
            1987-05-04, 振替休日
            1988-05-04, 国民の休日
            1989-01-15, 成人の日
            1989-01-16, 振替休日
            1989-02-24, 大喪の礼
            1989-04-29, みどりの日
            1989-12-23, 天皇誕生日
            1990-11-12, 即位礼正殿の儀
            1991-05-04, 国民の休日
            1993-06-09, 結婚の儀
            1995-07-20, -
            1996-07-20, 海の日
            1997-05-04, -
            1997-05-06, -
            1998-05-04, 振替休日
            1999-01-15, 成人の日
            1999-10-11, 振替休日
            2000-01-10, 成人の日
            2000-01-15, -
            2000-10-09, 体育の日
            2000-10-10, -
            2002-07-20, 海の日
            2002-09-16, 振替休日
            2003-07-20, -
            2003-07-21, 海の日
            2003-09-15, 敬老の日
            2006-04-29, みどりの日
            2006-05-04, 国民の休日
            2007-04-29, 昭和の日
            2007-04-30, 振替休日
            2007-05-04, みどりの日
            2008-05-06, 振替休日
            2009-09-22, 国民の休日
            2012-09-22, 秋分の日
            2015-08-11, -
            2015-09-22, 国民の休日
            2016-08-11, 山の日
            2018-12-23, 天皇誕生日
            2018-12-24, 振替休日
            2019-02-23, -
            2019-12-23, -
            2020-08-11, -
            2020-10-12, -
            2021-08-11, -
            2021-10-11, -
            2099-12-31, -
            """)
    void spotChecks(LocalDate date, String expectedName) {
        assertThat(holidays.holidayName(date)).isEqualTo(java.util.Optional.ofNullable(expectedName));
        assertThat(holidays.isHoliday(date)).isEqualTo(expectedName != null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1969-12-31", "2100-01-01", "1959-04-10"})
    void datesOutsideTheSupportedRangeAreRejectedInJapanese(LocalDate date) {
        assertThatThrownBy(() -> holidays.holidayName(date))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1970年から2099年まで")
                .hasMessageContaining(date.getYear() + "年");
        assertThatThrownBy(() -> holidays.isHoliday(date)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> holidays.holidaysOf(date.getYear())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void firstAndLastSupportedYearsWork() {
        assertThat(holidays.holidaysOf(1970)).containsEntry(LocalDate.of(1970, 1, 1), "元日");
        assertThat(holidays.holidaysOf(2099)).containsEntry(LocalDate.of(2099, 11, 23), "勤労感謝の日");
    }

    @Test
    void returnedMapIsUnmodifiable() {
        assertThatThrownBy(() -> holidays.holidaysOf(2026).put(LocalDate.of(2026, 6, 1), "x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyYearHasItsFixedHolidaysAndEquinoxes() {
        for (int year = JapaneseHolidays.FIRST_YEAR; year <= JapaneseHolidays.LAST_YEAR; year++) {
            var names = holidays.holidaysOf(year).values();
            assertThat(names).as("%d年", year)
                    .contains("元日", "成人の日", "建国記念の日", "春分の日", "憲法記念日", "こどもの日",
                            "秋分の日", "文化の日", "勤労感謝の日");
        }
    }
}
