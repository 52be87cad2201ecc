package jp.jukiflow.municipality;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

import jp.jukiflow.shared.DomainRuleViolation;

/**
 * The two dates of a 転入届 that every rule about it counts from (docs/domain.md §2, §3, §10): the day the resident moved in
 * and the day the 転入届 was received at the counter (filed on). One files after moving in (住民基本台帳法第22条), so a
 * move-in after the filing day is refused, and so is a filing day after today; a filing day not given is today.
 *
 * <p>Read at the start of a procedure and kept in the case: later checks judge with {@link #filedOn()}, never with the
 * day they happen to run on.
 */
public record TransferInFiling(LocalDate movedIn, LocalDate filedOn) {

    static final DateTimeFormatter JAPANESE = DateTimeFormatter.ofPattern("uuuu年M月d日");

    public TransferInFiling {
        Objects.requireNonNull(movedIn, "movedIn");
        Objects.requireNonNull(filedOn, "filedOn");
    }

    /**
     * The dates as a form gives them ({@code YYYY-MM-DD}; a blank filing day is {@code today}).
     *
     * @throws DomainRuleViolation {@code MOVED_IN_DATE_REQUIRED}, {@code INVALID_DATE}, {@code FILED_ON_IN_FUTURE},
     *                             {@code MOVED_IN_AFTER_FILING}
     */
    public static TransferInFiling read(String movedIn, String filedOn, LocalDate today) {
        if (movedIn == null || movedIn.isBlank()) {
            throw new DomainRuleViolation("MOVED_IN_DATE_REQUIRED", "転入日（転入した日）を入力してください。");
        }
        LocalDate moved = date(movedIn, "転入日");
        LocalDate filed = filedOn == null || filedOn.isBlank() ? today : date(filedOn, "転入届の受付日");
        if (filed.isAfter(today)) {
            throw new DomainRuleViolation("FILED_ON_IN_FUTURE", "転入届の受付日（" + japanese(filed)
                    + "）が本日（" + japanese(today) + "）より後になっています。受付日は本日以前の日付を入力してください。");
        }
        if (moved.isAfter(filed)) {
            throw new DomainRuleViolation("MOVED_IN_AFTER_FILING", "転入日（" + japanese(moved) + "）が転入届の受付日（"
                    + japanese(filed) + "）より後になっています。転入届は転入した後に届け出るものです（住民基本台帳法第22条）。"
                    + "転入日を確かめてください。");
        }
        return new TransferInFiling(moved, filed);
    }

    /** The last day of the 転入届 (法22条): 14 days from the move-in, the first day not counted, a closed day rolled. */
    public LocalDate lastDay(BusinessCalendar calendar) {
        return calendar.deadline(movedIn, MoveDeadlines.DAYS_AFTER_MOVE_IN);
    }

    /** Whether the 転入届 was filed within its legal term. */
    public boolean timely(BusinessCalendar calendar) {
        return !filedOn.isAfter(lastDay(calendar));
    }

    /** The last day of the card's continuation: 90 days from the 転入届 date (closed last day rolled). */
    public LocalDate continuationLastDay(BusinessCalendar calendar) {
        return new MoveDeadlines(calendar).cardContinuation(filedOn).lastDay();
    }

    /**
     * Whether a 転出届 that arrived at the origin on {@code arrivedOn} came more than 14 days after the move on
     * {@code movedOn} (the day it arrived counts, also for a mailed form; docs/domain.md §1, §2).
     */
    public static boolean transferOutFiledLate(BusinessCalendar calendar, LocalDate movedOn, LocalDate arrivedOn) {
        return movedOn != null && arrivedOn != null
                && arrivedOn.isAfter(calendar.deadline(movedOn, MoveDeadlines.DAYS_AFTER_MOVE_IN));
    }

    private static LocalDate date(String text, String label) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            String shown = text.strip().length() > 20 ? text.strip().substring(0, 20) + "…" : text.strip();
            throw new DomainRuleViolation("INVALID_DATE", label + "「" + shown + "」は日付として読めません。YYYY-MM-DD の形で入力してください（例 2026-12-10）。");
        }
    }

    static String japanese(LocalDate day) {
        return JAPANESE.format(day);
    }
}
