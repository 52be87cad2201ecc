package jp.jukiflow.municipality;

import java.time.LocalDate;

/**
 * The legal last days of a move (docs/domain.md §2, §3), on a municipality's business calendar: "N日以内" with the first
 * day not counted and a closed last day rolled to the next open day.
 */
public final class MoveDeadlines {

    public static final int DAYS_AFTER_PLANNED_MOVE_OUT = 30;
    public static final int DAYS_AFTER_MOVE_IN = 14;
    public static final int CONTINUATION_DAYS = 90;

    private final BusinessCalendar calendar;

    public MoveDeadlines(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /** A last day with the Japanese explanation of how it was found. */
    public record Deadline(LocalDate lastDay, String basis) {
    }

    /**
     * 特例転入: the earlier of (planned move-out + 30 days) and (move-in + 14 days); without a move-in date yet, the
     * first one. Example: planned 4/1, moved in 4/3 → 4/17.
     */
    public Deadline specialTransferIn(LocalDate plannedMoveOut, LocalDate movedIn) {
        LocalDate byPlan = calendar.deadline(plannedMoveOut, DAYS_AFTER_PLANNED_MOVE_OUT);
        String planText = "転出予定日（" + plannedMoveOut + "）の翌日から30日目（" + byPlan + "）";
        if (movedIn == null) {
            return new Deadline(byPlan, planText + "。転入した日から14日以内でもあることに注意してください。");
        }
        LocalDate byMove = calendar.deadline(movedIn, DAYS_AFTER_MOVE_IN);
        String moveText = "転入した日（" + movedIn + "）の翌日から14日目（" + byMove + "）";
        return byMove.isBefore(byPlan)
                ? new Deadline(byMove, moveText + "。" + planText + "より早いためこちらが期限です。")
                : new Deadline(byPlan, planText + "。" + moveText + "より早いためこちらが期限です。");
    }

    /** 継続利用: 90 days from the 転入届 date (closed last day rolled). */
    public Deadline cardContinuation(LocalDate transferInDate) {
        LocalDate last = calendar.deadline(transferInDate, CONTINUATION_DAYS);
        return new Deadline(last, "転入届の日（" + transferInDate + "）の翌日から90日目（閉庁日の場合は翌開庁日）。");
    }
}
