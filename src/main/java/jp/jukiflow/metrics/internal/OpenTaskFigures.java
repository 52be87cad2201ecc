package jp.jukiflow.metrics.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.jukiflow.municipality.BusinessCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The open user tasks of a municipality, by task type and candidate group, by age in business days, and overdue. One
 * query on the engine's runtime task table joined with its candidate groups (the runtime tables hold only what is
 * open, so this does not grow with history).
 */
@Component
class OpenTaskFigures {

    /** Age buckets in business days: 0–1, 2–3, 4–7, over 7. */
    static final List<String> AGE_BUCKETS = List.of("0〜1日", "2〜3日", "4〜7日", "8日以上");

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final Clock clock;

    OpenTaskFigures(JdbcClient jdbc, BusinessCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    record OpenTaskRow(String procedureKey, String taskName, String groupId, long[] byAge, long overdue) {

        long total() {
            long total = 0;
            for (long n : byAge) {
                total += n;
            }
            return total;
        }
    }

    private record OpenTask(String procedureKey, String taskName, String groupId, LocalDate createdOn, Instant due) {
    }

    /** Rows ordered by procedure, task and group; a task with two candidate groups counts once for each. */
    List<OpenTaskRow> of(String municipality) {
        List<OpenTask> tasks = new ArrayList<>();
        jdbc.sql("""
                select d.key_, t.name_, t.task_def_key_, t.create_time_, t.due_date_, l.group_id_
                from act_ru_task t
                join act_re_procdef d on d.id_ = t.proc_def_id_
                left join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null
                where t.tenant_id_ = ?""")
                .param(municipality)
                .query(rs -> {
                    Timestamp due = rs.getTimestamp(5);
                    tasks.add(new OpenTask(rs.getString(1),
                            rs.getString(2) == null ? rs.getString(3) : rs.getString(2), rs.getString(6),
                            rs.getTimestamp(4).toInstant().atZone(BusinessCalendar.ZONE).toLocalDate(),
                            due == null ? null : due.toInstant()));
                });
        LocalDate today = calendar.today();
        Instant now = clock.instant();
        Map<LocalDate, Integer> ages = new TreeMap<>();
        Map<List<String>, long[]> counts = new TreeMap<>(OpenTaskFigures::compare);
        for (OpenTask task : tasks) {
            int age = ages.computeIfAbsent(task.createdOn(), d -> Math.max(0, calendar.businessDaysBetween(d, today)));
            long[] row = counts.computeIfAbsent(List.of(task.procedureKey(), task.taskName(),
                    task.groupId() == null ? "" : task.groupId()), k -> new long[AGE_BUCKETS.size() + 1]);
            row[bucket(age)]++;
            if (task.due() != null && task.due().isBefore(now)) {
                row[AGE_BUCKETS.size()]++;
            }
        }
        List<OpenTaskRow> rows = new ArrayList<>();
        counts.forEach((key, n) -> rows.add(new OpenTaskRow(key.get(0), key.get(1), key.get(2).isEmpty() ? null : key.get(2),
                Arrays.copyOf(n, AGE_BUCKETS.size()), n[AGE_BUCKETS.size()])));
        return rows;
    }

    /** Open tasks per age bucket over all rows. */
    static Map<String, Long> backlogByAge(List<OpenTaskRow> rows) {
        Map<String, Long> backlog = new LinkedHashMap<>();
        for (int i = 0; i < AGE_BUCKETS.size(); i++) {
            int bucket = i;
            backlog.put(AGE_BUCKETS.get(i), rows.stream().mapToLong(r -> r.byAge()[bucket]).sum());
        }
        return backlog;
    }

    static int bucket(int businessDays) {
        if (businessDays <= 1) {
            return 0;
        }
        if (businessDays <= 3) {
            return 1;
        }
        return businessDays <= 7 ? 2 : 3;
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
