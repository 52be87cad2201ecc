package jp.jukiflow.municipality;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of the business calendar.
 *
 * @param date    the day
 * @param open    whether it is an open day (開庁日) for counting deadlines and business days
 * @param holiday the holiday name ("元日", "振替休日", …), or {@code null} on a day that is no holiday
 * @param reason  why the day is closed, or {@code null} when it is open
 */
public record CalendarDay(LocalDate date, boolean open, String holiday, ClosedDayReason reason) {

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        if (open != (reason == null)) {
            throw new IllegalArgumentException("閉庁日には閉庁理由が、開庁日には閉庁理由なしが必要です（" + date + "）。");
        }
    }

    /** The Japanese reason word ("土曜日", "祝日", "年末年始", …), or {@code null} when open. */
    public String reasonLabel() {
        return reason == null ? null : reason.label();
    }
}
