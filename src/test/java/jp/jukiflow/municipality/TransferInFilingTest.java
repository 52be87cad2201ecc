package jp.jukiflow.municipality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jp.jukiflow.shared.DomainRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dates of a 転入届 (法22条, docs/domain.md §2, §3, "Counting days") on the real calendar, with the law's examples. */
class TransferInFilingTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    final BusinessCalendar calendar = new BusinessCalendar(
            Clock.fixed(Instant.parse("2026-11-26T01:00:00Z"), ZoneId.of("Asia/Tokyo")));

    @ParameterizedTest(name = "moved in {0}, filed {1} → last day {2}, timely {3}")
    @CsvSource({
            "2026-04-03, 2026-04-17, 2026-04-17, true",    // the law's example: moved in 4/3 → file by 4/17
            "2026-04-03, 2026-04-18, 2026-04-17, false",   // a day later is late
            "2026-04-03, 2026-04-03, 2026-04-17, true",    // filed the day of the move
            "2026-12-18, 2027-01-04, 2027-01-04, true",    // day 14 = 1/1 in the year-end closure → Monday 1/4
            "2026-12-18, 2027-01-05, 2027-01-04, false",
            "2026-10-31, 2026-11-16, 2026-11-16, true",    // day 14 = Saturday 11/14 → Monday 11/16
            "2026-04-15, 2026-04-30, 2026-04-30, true",    // day 14 = 4/29 昭和の日 → 4/30
    })
    void transferInTerm(LocalDate movedIn, LocalDate filedOn, LocalDate lastDay, boolean timely) {
        TransferInFiling filing = new TransferInFiling(movedIn, filedOn);
        assertThat(filing.lastDay(calendar)).isEqualTo(lastDay);
        assertThat(filing.timely(calendar)).isEqualTo(timely);
    }

    @ParameterizedTest(name = "filed {0} → continue by {1}")
    @CsvSource({
            "2026-12-01, 2027-03-01",
            "2026-12-06, 2027-03-08",   // day 90 is Saturday 3/6 → Monday 3/8
    })
    void continuationCountsFromTheFilingDayNotTheMoveIn(LocalDate filedOn, LocalDate lastDay) {
        assertThat(new TransferInFiling(filedOn.minusDays(10), filedOn).continuationLastDay(calendar)).isEqualTo(lastDay);
    }

    @ParameterizedTest(name = "moved {0}, 転出届 arrived {1} → late {2}")
    @CsvSource({
            "2026-11-02, 2026-11-16, false",   // day 14
            "2026-11-02, 2026-11-17, true",
            "2026-10-31, 2026-11-16, false",   // day 14 = Saturday 11/14 → Monday 11/16
            "2026-10-31, 2026-11-17, true",
            "          , 2026-11-17, false",   // not moved yet when it arrived
    })
    void transferOutByTheDayItArrivedAtTheOrigin(LocalDate movedOn, LocalDate arrivedOn, boolean late) {
        assertThat(TransferInFiling.transferOutFiledLate(calendar, movedOn, arrivedOn)).isEqualTo(late);
    }

    @ParameterizedTest(name = "moved in {0}, filed {1} → kept {2}")
    @CsvSource({
            "2026-11-25,             , 2026-11-26",   // no filing day given: today
            "2026-11-25, ' ',          2026-11-26",
            "2026-11-20, 2026-11-24, 2026-11-24",
            "2026-11-26, 2026-11-26, 2026-11-26",     // moved in and filed the same day
            "' 2026-11-20 ', 2026-11-24, 2026-11-24",
    })
    void read(String movedIn, String filedOn, LocalDate kept) {
        TransferInFiling filing = TransferInFiling.read(movedIn, filedOn, TODAY);
        assertThat(filing.filedOn()).isEqualTo(kept);
        assertThat(filing.movedIn()).isEqualTo(LocalDate.parse(movedIn.strip()));
    }

    @ParameterizedTest(name = "moved in {0}, filed {1} → {2}")
    @CsvSource({
            "2026-11-27,           , MOVED_IN_AFTER_FILING",   // one files after moving in (法22条)
            "2026-11-25, 2026-11-24, MOVED_IN_AFTER_FILING",
            "2026-11-20, 2026-11-27, FILED_ON_IN_FUTURE",
            "          , 2026-11-24, MOVED_IN_DATE_REQUIRED",
            "2026/11/20,           , INVALID_DATE",
            "2026-11-20, 2026-02-30, INVALID_DATE",
    })
    void refused(String movedIn, String filedOn, String code) {
        assertThatThrownBy(() -> TransferInFiling.read(movedIn, filedOn, TODAY))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.messageJa()).matches(".*[転受].*");
                });
    }

    @Test
    void theRefusalNamesBothDaysAndTheLaw() {
        assertThatThrownBy(() -> TransferInFiling.read("2026-11-27", null, TODAY))
                .hasMessage("転入日（2026年11月27日）が転入届の受付日（2026年11月26日）より後になっています。"
                        + "転入届は転入した後に届け出るものです（住民基本台帳法第22条）。転入日を確かめてください。");
    }
}
