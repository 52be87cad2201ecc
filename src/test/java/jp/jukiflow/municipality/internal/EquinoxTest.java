package jp.jukiflow.municipality.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EquinoxTest {

    /** Equinox days as announced in the 官報 (and observed as holidays). */
    @ParameterizedTest(name = "{0}年: 春分 {1}, 秋分 {2}")
    @CsvSource(textBlock = """
            1970, 1970-03-21, 1970-09-23
            1971, 1971-03-21, 1971-09-24
            1975, 1975-03-21, 1975-09-24
            1979, 1979-03-21, 1979-09-24
            1980, 1980-03-20, 1980-09-23
            2002, 2002-03-21, 2002-09-23
            2011, 2011-03-21, 2011-09-23
            2012, 2012-03-20, 2012-09-22
            2016, 2016-03-20, 2016-09-22
            2019, 2019-03-21, 2019-09-23
            2020, 2020-03-20, 2020-09-22
            2021, 2021-03-20, 2021-09-23
            2022, 2022-03-21, 2022-09-23
            2023, 2023-03-21, 2023-09-23
            2024, 2024-03-20, 2024-09-22
            2025, 2025-03-20, 2025-09-23
            2026, 2026-03-20, 2026-09-23
            2027, 2027-03-21, 2027-09-23
            """)
    void matchesThePublishedDates(int year, LocalDate vernal, LocalDate autumnal) {
        assertEquals(vernal, Equinox.vernal(year));
        assertEquals(autumnal, Equinox.autumnal(year));
    }
}
