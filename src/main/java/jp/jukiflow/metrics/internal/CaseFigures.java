package jp.jukiflow.metrics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures the read model answers, whatever the history's size: one grouped pass over the cases started in the
 * period, one over those completed in it, one for the completions per day and one for the cases open now — each
 * answered from a covering index (see V14).
 */
@Component
class CaseFigures {

    private final JdbcClient jdbc;

    CaseFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Counts(long started, long completed, long inProgress) {
    }

    record KeyedCount(String procedureKey, String label, long count) {
    }

    record DayVolume(LocalDate day, long started, long completed) {
    }

    /** Everything the read model says about one municipality and period. */
    record PeriodFigures(Map<String, Counts> counts, Map<String, SortedMap<Integer, Long>> cycleTimes,
                         List<KeyedCount> outcomes, List<KeyedCount> channels, List<DayVolume> volume) {
    }

    PeriodFigures of(String municipality, DashboardPeriod period) {
        Map<String, long[]> counts = new HashMap<>();
        Map<List<String>, Long> channels = new HashMap<>();
        Map<LocalDate, long[]> days = new TreeMap<>();
        period.from().datesUntil(period.to().plusDays(1)).forEach(d -> days.put(d, new long[2]));
        jdbc.sql("""
                select procedure_key, channel, started_on, count(*) from case_metric
                where municipality_code = ? and started_on between ? and ?
                group by procedure_key, channel, started_on""")
                .params(municipality, period.from(), period.to())
                .query(rs -> {
                    long n = rs.getLong(4);
                    counts.computeIfAbsent(rs.getString(1), k -> new long[3])[0] += n;
                    channels.merge(List.of(rs.getString(1), ChannelLabels.of(rs.getString(2))), n, Long::sum);
                    days.get(rs.getObject(3, LocalDate.class))[0] += n;
                });
        Map<String, SortedMap<Integer, Long>> cycleTimes = new HashMap<>();
        Map<List<String>, Long> outcomes = new HashMap<>();
        jdbc.sql("""
                select procedure_key, outcome, business_days, count(*) from case_metric
                where municipality_code = ? and ended_on between ? and ?
                group by procedure_key, outcome, business_days""")
                .params(municipality, period.from(), period.to())
                .query(rs -> {
                    long n = rs.getLong(4);
                    counts.computeIfAbsent(rs.getString(1), k -> new long[3])[1] += n;
                    cycleTimes.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).merge(rs.getInt(3), n, Long::sum);
                    outcomes.merge(List.of(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2)), n, Long::sum);
                });
        jdbc.sql("""
                select ended_on, count(*) from case_metric
                where municipality_code = ? and ended_on between ? and ? group by ended_on""")
                .params(municipality, period.from(), period.to())
                .query(rs -> { days.get(rs.getObject(1, LocalDate.class))[1] = rs.getLong(2); });
        jdbc.sql("""
                select procedure_key, count(*) from case_metric
                where municipality_code = ? and ended_at is null group by procedure_key""")
                .param(municipality)
                .query(rs -> { counts.computeIfAbsent(rs.getString(1), k -> new long[3])[2] = rs.getLong(2); });
        Map<String, Counts> result = new HashMap<>();
        counts.forEach((key, n) -> result.put(key, new Counts(n[0], n[1], n[2])));
        return new PeriodFigures(result, cycleTimes, sorted(outcomes), sorted(channels),
                days.entrySet().stream().map(e -> new DayVolume(e.getKey(), e.getValue()[0], e.getValue()[1])).toList());
    }

    /** By procedure, then the largest count first, then the label. */
    private static List<KeyedCount> sorted(Map<List<String>, Long> counts) {
        List<KeyedCount> rows = new ArrayList<>();
        counts.forEach((key, n) -> rows.add(new KeyedCount(key.get(0), key.get(1), n)));
        rows.sort(Comparator.comparing(KeyedCount::procedureKey)
                .thenComparing(Comparator.comparingLong(KeyedCount::count).reversed())
                .thenComparing(KeyedCount::label));
        return rows;
    }

    /** Started and completed cases since the beginning, per municipality and procedure key (the Prometheus counters). */
    Map<List<String>, long[]> totals() {
        Map<List<String>, long[]> totals = new HashMap<>();
        jdbc.sql("""
                select municipality_code, procedure_key, count(*), count(ended_at) from case_metric
                group by municipality_code, procedure_key""")
                .query(rs -> {
                    totals.put(List.of(rs.getString(1), rs.getString(2)), new long[] {rs.getLong(3), rs.getLong(4)});
                });
        return totals;
    }
}
