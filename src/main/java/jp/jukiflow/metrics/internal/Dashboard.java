package jp.jukiflow.metrics.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the dashboard shows for one municipality and period. */
record Dashboard(String municipalityCode, String municipalityName, DashboardPeriod period, Headline headline,
                 List<Table> tables, Charts charts) {

    /** The numbers at the top of the page. */
    record Headline(long started, long completed, long inProgress, long openTasks, long overdueTasks,
                    long deadlinesAtRisk, long outboxPending, long openIncidents) {
    }

    /** The series of the three charts, ready for the browser. */
    record Charts(List<String> days, List<Long> startedPerDay, List<Long> completedPerDay,
                  Map<String, Long> cycleTimeDistribution, Map<String, Long> backlogByAge) {
    }

    Optional<Table> table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
