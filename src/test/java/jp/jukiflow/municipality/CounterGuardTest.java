package jp.jukiflow.municipality;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.jukiflow.municipality.internal.MunicipalityStore;
import jp.jukiflow.shared.DomainRuleViolation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one counter guard, as the law and the settings say (docs/domain.md "Counting days"): open days within 8:30–17:15
 * (closing exclusive), never 土日, national holidays or 12/29–1/3, only at an office of the municipality that accepts
 * the procedure; no office given means the main office.
 */
class CounterGuardTest {

    static final String TOWN = OKUSHIRI;
    static final Office MAIN = new Office("okushiri-honcho", TOWN, "奥尻町役場 本庁", true, OfficeHours.standard(),
            EnumSet.allOf(Procedure.class));
    static final Office BRANCH = new Office("okushiri-aonae", TOWN, "奥尻町役場 青苗支所", false, OfficeHours.standard(),
            Set.of(Procedure.CARD_SUSPENSION));

    @ParameterizedTest(name = "{0} {1} at {2} {3} → {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # situation                       | office          | JST time         | procedure             | code
            open day, in the hours            | -               | 2026-12-01T10:00 | PIN_RESET             | -
            open day, the main office by id   | okushiri-honcho | 2026-12-01T10:00 | CARD_RETURN           | -
            blank office is the main office   | ' '             | 2026-12-01T10:00 | CARD_ABOLITION        | -
            opening time itself               | -               | 2026-12-01T08:30 | SUSPENSION_LIFT       | -
            last minute before closing        | -               | 2026-12-01T17:14 | CARD_CONTINUATION     | -
            before 8:30                       | -               | 2026-12-01T08:29 | CARD_CONTINUATION     | COUNTER_CLOSED
            closing time 17:15 (exclusive)    | -               | 2026-12-01T17:15 | TRANSFER_IN_WITH_CARD | COUNTER_CLOSED
            after 17:15, in the evening       | -               | 2026-12-01T18:00 | WIDE_AREA_COPY        | COUNTER_CLOSED
            Saturday                          | -               | 2026-11-28T10:00 | PIN_RESET             | COUNTER_CLOSED
            Sunday                            | -               | 2026-11-29T10:00 | CARD_RETURN           | COUNTER_CLOSED
            national holiday (勤労感謝の日)     | -               | 2026-11-23T10:00 | SUSPENSION_LIFT       | COUNTER_CLOSED
            national holiday (成人の日)         | -               | 2027-01-11T10:00 | CARD_ABOLITION        | COUNTER_CLOSED
            year-end closure 12/29 (a Tuesday)| -               | 2026-12-29T10:00 | CARD_CONTINUATION     | COUNTER_CLOSED
            year-end closure 12/31            | -               | 2026-12-31T10:00 | TRANSFER_IN_WITH_CARD | COUNTER_CLOSED
            year-end closure 1/1 (元日)        | -               | 2027-01-01T10:00 | WIDE_AREA_COPY        | COUNTER_CLOSED
            year-end closure 1/3              | -               | 2027-01-03T10:00 | PIN_RESET             | COUNTER_CLOSED
            first open day after the closure  | -               | 2027-01-04T10:00 | PIN_RESET             | -
            the branch takes suspensions      | okushiri-aonae  | 2026-12-01T10:00 | CARD_SUSPENSION       | -
            the branch takes no continuation  | okushiri-aonae  | 2026-12-01T10:00 | CARD_CONTINUATION     | COUNTER_NOT_ACCEPTING
            the branch takes no PIN reset     | okushiri-aonae  | 2026-12-01T10:00 | PIN_RESET             | COUNTER_NOT_ACCEPTING
            the branch takes no PIN change    | okushiri-aonae  | 2026-12-01T10:00 | PIN_CHANGE            | COUNTER_NOT_ACCEPTING
            the main office takes PIN change  | -               | 2026-12-01T10:00 | PIN_CHANGE            | -
            the branch takes no return        | okushiri-aonae  | 2026-12-01T10:00 | CARD_RETURN           | COUNTER_NOT_ACCEPTING
            not accepting, also when closed   | okushiri-aonae  | 2026-11-28T10:00 | SUSPENSION_LIFT       | COUNTER_NOT_ACCEPTING
            an office of another town         | hakodate-honcho | 2026-12-01T10:00 | PIN_RESET             | OFFICE_UNKNOWN
            no such office                    | nowhere         | 2026-12-01T10:00 | CARD_ABOLITION        | OFFICE_UNKNOWN
            """)
    void acceptsOnlyAnOpenCounterThatTakesTheProcedure(String situation, String office, LocalDateTime tokyo,
                                                      Procedure procedure, String code) {
        CounterGuard guard = guardAt(tokyo);
        if (code == null) {
            Office accepted = guard.check(TOWN, office, procedure);
            assertThat(accepted.id()).as(situation).isEqualTo(office == null || office.isBlank() ? MAIN.id() : office);
        } else {
            assertThatThrownBy(() -> guard.check(TOWN, office, procedure)).as(situation)
                    .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.code()).isEqualTo(code));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            okushiri-aonae | 2026-12-01T10:00 | CARD_CONTINUATION | 奥尻町役場 青苗支所ではカードの継続利用を受け付けていません。奥尻町役場 本庁の窓口をご案内ください。
            okushiri-honcho| 2026-11-28T10:00 | PIN_RESET         | 奥尻町役場 本庁の受付時間外です（開庁日の8時30分〜17時15分）。開庁日の受付時間内にお越しください。
            nowhere        | 2026-12-01T10:00 | CARD_RETURN       | 指定の窓口（nowhere）は奥尻町にありません。受付窓口を一覧から選んでください。
            """)
    void tellsTheClerkWhyInJapanese(String office, LocalDateTime tokyo, Procedure procedure, String message) {
        assertThatThrownBy(() -> guardAt(tokyo).check(TOWN, office, procedure))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> assertThat(e.messageJa()).isEqualTo(message));
    }

    @ParameterizedTest
    @CsvSource({"CARD_SUSPENSION,okushiri-honcho okushiri-aonae", "CARD_RETURN,okushiri-honcho"})
    void listsTheOfficesThatTakeAProcedureMainOfficeFirst(Procedure procedure, String ids) {
        assertThat(guardAt(LocalDateTime.parse("2026-12-01T10:00")).offices(TOWN, procedure)).extracting(Office::id)
                .containsExactly(ids.split(" "));
    }

    static CounterGuard guardAt(LocalDateTime tokyo) {
        MunicipalityStore store = mock(MunicipalityStore.class);
        when(store.findAll()).thenReturn(List.of(new Municipality(LocalGovernmentCode.of(TOWN), "奥尻町", "おくしりちょう",
                "北海道", "okushiri.example", List.of(MAIN, BRANCH))));
        Instant instant = tokyo.atZone(BusinessCalendar.ZONE).toInstant();
        return new CounterGuard(new MunicipalityDirectory(store),
                new BusinessCalendar(Clock.fixed(instant, ZoneOffset.UTC)));
    }
}
