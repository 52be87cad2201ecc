package jp.jukiflow.municipality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The last days of docs/domain.md §2 and §3 on the real calendar, with the law's example. */
class MoveDeadlinesTest {

    final MoveDeadlines deadlines = new MoveDeadlines(new BusinessCalendar(
            Clock.fixed(Instant.parse("2026-11-26T01:00:00Z"), ZoneId.of("Asia/Tokyo"))));

    @ParameterizedTest(name = "planned {0}, moved in {1} → {2}")
    @CsvSource({
            "2026-04-01, 2026-04-03, 2026-04-17",   // the law's example: move-in + 14 is earlier
            "2026-04-01,           , 2026-05-01",   // not moved in yet: planned + 30
            "2026-04-01, 2026-04-25, 2026-05-01",   // planned + 30 is earlier
            "2026-11-29,           , 2027-01-04",   // 12/29 falls in the year-end closure → 1/4
            "2026-04-04, 2026-04-08, 2026-04-22",   // a weekday
            "2026-04-06, 2026-04-15, 2026-04-30",   // move-in + 14 = 4/29 昭和の日 → 4/30 (plan + 30 = 5/6 振替休日 → 5/7)
    })
    void specialTransferIn(LocalDate planned, LocalDate movedIn, LocalDate lastDay) {
        assertThat(deadlines.specialTransferIn(planned, movedIn).lastDay()).isEqualTo(lastDay);
    }

    @ParameterizedTest(name = "transfer-in {0} → {1}")
    @CsvSource({
            "2026-12-01, 2027-03-01",   // day 90 is a Monday
            "2026-12-02, 2027-03-02",
            "2026-12-05, 2027-03-05",
            "2026-12-06, 2027-03-08",   // day 90 is Saturday 3/6 → Monday 3/8
    })
    void cardContinuationOnDayNinety(LocalDate transferIn, LocalDate lastDay) {
        assertThat(deadlines.cardContinuation(transferIn).lastDay()).isEqualTo(lastDay);
    }

    @ParameterizedTest(name = "basis explains {0}")
    @CsvSource({"2026-04-01, 2026-04-03"})
    void basisIsJapanese(LocalDate planned, LocalDate movedIn) {
        assertThat(deadlines.specialTransferIn(planned, movedIn).basis()).contains("転入した日", "14日目", "早い");
    }
}
