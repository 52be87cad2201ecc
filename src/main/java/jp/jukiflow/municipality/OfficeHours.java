package jp.jukiflow.municipality;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The counter hours of an office: open from {@code opening} (inclusive) to {@code closing} (exclusive)
 * on the weekdays in {@code openDays}. National holidays and the year-end closure are the
 * {@link BusinessCalendar}'s business, not this record's.
 */
public record OfficeHours(LocalTime opening, LocalTime closing, Set<DayOfWeek> openDays) {

    private static final LocalTime STANDARD_OPENING = LocalTime.of(8, 30);
    private static final LocalTime STANDARD_CLOSING = LocalTime.of(17, 15);

    public OfficeHours {
        Objects.requireNonNull(opening, "opening");
        Objects.requireNonNull(closing, "closing");
        Objects.requireNonNull(openDays, "openDays");
        if (!opening.isBefore(closing)) {
            throw new IllegalArgumentException(
                    "開庁時刻（" + opening + "）は閉庁時刻（" + closing + "）より前でなければなりません。");
        }
        if (openDays.isEmpty()) {
            throw new IllegalArgumentException("開庁する曜日を1つ以上指定してください。");
        }
        openDays = Set.copyOf(openDays);
    }

    /** Monday to Friday, 08:30–17:15. */
    public static OfficeHours standard() {
        return new OfficeHours(STANDARD_OPENING, STANDARD_CLOSING, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }

    /** Whether the weekday is one the office opens on (holidays aside). */
    public boolean opensOn(DayOfWeek dayOfWeek) {
        return openDays.contains(dayOfWeek);
    }

    /** Whether a time of day is within the hours: opening inclusive, closing exclusive. */
    public boolean isWithinHours(LocalTime time) {
        return !time.isBefore(opening) && time.isBefore(closing);
    }
}
