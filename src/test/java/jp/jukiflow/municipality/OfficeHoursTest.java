package jp.jukiflow.municipality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfficeHoursTest {

    @Test
    void standardIsWeekdaysFrom0830To1715() {
        OfficeHours standard = OfficeHours.standard();

        assertThat(standard.opening()).isEqualTo(LocalTime.of(8, 30));
        assertThat(standard.closing()).isEqualTo(LocalTime.of(17, 15));
        assertThat(standard.openDays()).containsExactlyInAnyOrder(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            08:29:59, false
            08:30,    true
            17:14:59, true
            17:15,    false
            """)
    void openingIsInclusiveAndClosingExclusive(LocalTime time, boolean within) {
        assertThat(OfficeHours.standard().isWithinHours(time)).isEqualTo(within);
    }

    @ParameterizedTest(name = "{0}–{1}")
    @CsvSource(textBlock = """
            17:15, 08:30
            08:30, 08:30
            """)
    void openingMustBeBeforeClosing(LocalTime opening, LocalTime closing) {
        assertThatThrownBy(() -> new OfficeHours(opening, closing, EnumSet.of(DayOfWeek.MONDAY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("開庁時刻（" + opening + "）は閉庁時刻（" + closing + "）より前でなければなりません。");
    }

    @Test
    void needsAtLeastOneOpenDay() {
        assertThatThrownBy(() -> new OfficeHours(LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("曜日");
    }

    @Test
    void openDaysAreCopiedAndUnmodifiable() {
        EnumSet<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY);
        OfficeHours hours = new OfficeHours(LocalTime.of(9, 0), LocalTime.of(17, 0), days);
        days.add(DayOfWeek.SUNDAY);

        assertThat(hours.opensOn(DayOfWeek.SUNDAY)).isFalse();
        assertThatThrownBy(() -> hours.openDays().add(DayOfWeek.TUESDAY))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
