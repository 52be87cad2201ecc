package jp.jukiflow.municipality.internal;

import java.time.LocalDate;
import java.util.List;

import jp.jukiflow.municipality.CalendarDay;

/** JSON shape of the business calendar: one entry per day. */
record CalendarView(String municipalityCode, List<Day> days) {

    record Day(LocalDate date, boolean open, String holiday, String reason) {
        static Day of(CalendarDay d) {
            return new Day(d.date(), d.open(), d.holiday(), d.reasonLabel());
        }
    }
}
