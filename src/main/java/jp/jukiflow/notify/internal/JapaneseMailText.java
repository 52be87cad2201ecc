package jp.jukiflow.notify.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jp.jukiflow.municipality.OfficeHours;

/**
 * The {@code #jp} object of the mail templates: Japanese dates and small text tests.
 * <pre>
 *   [(${#jp.date(plannedMoveOutDate)})]         → 2026年12月10日（木）
 *   [# th:if="${#jp.has(statusUrl)}"] … [/]      → only when present and not blank
 * </pre>
 */
public final class JapaneseMailText {

    private static final String[] WEEKDAYS = {"月", "火", "水", "木", "金", "土", "日"};
    private static final Pattern ISO_DATE_PREFIX = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})");

    private final ZoneId zone;

    public JapaneseMailText(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * A date as 「2026年12月10日（木）」. Takes an ISO string ({@code 2026-12-10}, also with a time after it), a
     * {@link LocalDate}, a {@link Date} or an {@link Instant} (read in the municipality's zone); {@code null} or blank
     * gives an empty text; any other text is returned unchanged, so a mail is never lost over a date.
     */
    public String date(Object value) {
        LocalDate date = toLocalDate(value);
        if (date == null) {
            return value == null ? "" : value.toString().strip();
        }
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日（"
                + WEEKDAYS[date.getDayOfWeek().getValue() - 1] + "）";
    }

    /** Whether a value is present: not {@code null} and, for text, not blank. */
    public boolean has(Object value) {
        return value != null && !value.toString().isBlank();
    }

    /** Office hours as 「平日 8:30〜17:15（祝日・年末年始を除く）」. */
    public static String officeHours(OfficeHours hours) {
        Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        String days = hours.openDays().equals(weekdays) ? "平日"
                : EnumSet.copyOf(hours.openDays()).stream().map(d -> WEEKDAYS[d.getValue() - 1])
                .collect(Collectors.joining("・")) + "曜日";
        return days + " " + hours.opening().getHour() + ":" + String.format("%02d", hours.opening().getMinute())
                + "〜" + hours.closing().getHour() + ":" + String.format("%02d", hours.closing().getMinute())
                + "（祝日・年末年始を除く）";
    }

    private LocalDate toLocalDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof LocalDateTime d) {
            return d.toLocalDate();
        }
        if (value instanceof ZonedDateTime d) {
            return d.withZoneSameInstant(zone).toLocalDate();
        }
        if (value instanceof OffsetDateTime d) {
            return d.atZoneSameInstant(zone).toLocalDate();
        }
        if (value instanceof Instant i) {
            return i.atZone(zone).toLocalDate();
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(zone).toLocalDate();
        }
        if (value instanceof CharSequence text) {
            Matcher m = ISO_DATE_PREFIX.matcher(text.toString().strip());
            if (m.find()) {
                try {
                    return LocalDate.parse(m.group());
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
