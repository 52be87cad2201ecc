package jp.jukiflow.municipality;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/**
 * The year-end and new-year closure (年末年始の休日), from {@code first} to {@code last} inclusive. The
 * period may wrap around the new year (12/29–1/3, the usual one set by each municipality's 休日条例 after
 * 地方自治法 §4-2) or lie within one year.
 */
public record YearEndClosure(MonthDay first, MonthDay last) {

    public YearEndClosure {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
    }

    /** 12/29 to 1/3. */
    public static YearEndClosure standard() {
        return new YearEndClosure(MonthDay.of(12, 29), MonthDay.of(1, 3));
    }

    public boolean includes(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        boolean wrapsAroundNewYear = first.isAfter(last);
        return wrapsAroundNewYear
                ? !day.isBefore(first) || !day.isAfter(last)
                : !day.isBefore(first) && !day.isAfter(last);
    }
}
