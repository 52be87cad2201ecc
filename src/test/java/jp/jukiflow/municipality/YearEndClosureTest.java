package jp.jukiflow.municipality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YearEndClosureTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            2026-12-28, false
            2026-12-29, true
            2026-12-31, true
            2027-01-01, true
            2027-01-03, true
            2027-01-04, false
            2028-02-29, false
            """)
    void standardIsDecember29ToJanuary3(LocalDate date, boolean included) {
        assertThat(YearEndClosure.standard().includes(date)).isEqualTo(included);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            2026-12-27, false
            2026-12-28, true
            2026-12-31, true
            2027-01-01, false
            """)
    void aPeriodWithinOneYearDoesNotWrap(LocalDate date, boolean included) {
        var closure = new YearEndClosure(MonthDay.of(12, 28), MonthDay.of(12, 31));
        assertThat(closure.includes(date)).isEqualTo(included);
    }
}
