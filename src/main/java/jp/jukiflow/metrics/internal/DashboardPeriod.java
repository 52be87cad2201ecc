package jp.jukiflow.metrics.internal;

import java.time.LocalDate;

/** The days the dashboard counts, both inclusive (dates in Japan). */
record DashboardPeriod(LocalDate from, LocalDate to) {

    static final int MAX_DAYS = 400;

    DashboardPeriod {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("期間の終了日（" + to + "）が開始日（" + from + "）より前です。");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("期間は" + MAX_DAYS + "日以内で指定してください。");
        }
    }

    /** The month of {@code today}, from its first day to today. */
    static DashboardPeriod monthOf(LocalDate today) {
        return new DashboardPeriod(today.withDayOfMonth(1), today);
    }
}
