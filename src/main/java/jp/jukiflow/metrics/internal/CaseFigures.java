package jp.jukiflow.metrics.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The figures the read model answers with a few grouped queries over indexed columns, whatever the history's size. */
@Component
class CaseFigures {

    private final JdbcClient jdbc;

    CaseFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Counts(long started, long completed, long inProgress) {
    }

    /** Per procedure key: started and completed in the period, in progress now (one pass over the index). */
    Map<String, Counts> counts(String municipality, DashboardPeriod period) {
        Map<String, Counts> counts = new HashMap<>();
        jdbc.sql("""
                select procedure_key,
                       sum(case when started_on between ? and ? then 1 else 0 end),
                       sum(case when ended_on between ? and ? then 1 else 0 end),
                       sum(case when ended_at is null then 1 else 0 end)
                from case_metric
                where municipality_code = ?
                  and (started_on between ? and ? or ended_on between ? and ? or ended_at is null)
                group by procedure_key""")
                .params(period.from(), period.to(), period.from(), period.to(), municipality, period.from(), period.to(),
                        period.from(), period.to())
                .query(rs -> {
                    counts.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                });
        return counts;
    }

    /** Per procedure key: business days → number of cases completed in the period. */
    Map<String, SortedMap<Integer, Long>> cycleTimes(String municipality, DashboardPeriod period) {
        Map<String, SortedMap<Integer, Long>> histograms = new HashMap<>();
        jdbc.sql("""
                select procedure_key, business_days, count(*) as n from case_metric
                where municipality_code = ? and ended_on between ? and ? group by procedure_key, business_days""")
                .params(municipality, period.from(), period.to())
                .query(rs -> {
                    histograms.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getInt(2), rs.getLong(3));
                });
        return histograms;
    }

    record KeyedCount(String procedureKey, String label, long count) {
    }

    /** Cases completed in the period per procedure and outcome (the end event's name). */
    List<KeyedCount> outcomes(String municipality, DashboardPeriod period) {
        return jdbc.sql("""
                select procedure_key, outcome, count(*) as n from case_metric
                where municipality_code = ? and ended_on between ? and ?
                group by procedure_key, outcome order by procedure_key, n desc, outcome""")
                .params(municipality, period.from(), period.to())
                .query((rs, i) -> new KeyedCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** Cases started in the period per procedure and intake channel (Japanese label). */
    List<KeyedCount> channels(String municipality, DashboardPeriod period) {
        List<KeyedCount> rows = new ArrayList<>();
        jdbc.sql("""
                select procedure_key, channel, count(*) as n from case_metric
                where municipality_code = ? and started_on between ? and ?
                group by procedure_key, channel order by procedure_key, n desc""")
                .params(municipality, period.from(), period.to())
                .query(rs -> {
                    rows.add(new KeyedCount(rs.getString(1), ChannelLabels.of(rs.getString(2)), rs.getLong(3)));
                });
        return rows;
    }

    record DayVolume(LocalDate day, long started, long completed) {
    }

    /** Every day of the period with the cases started and completed on it (zero days included). */
    List<DayVolume> volumePerDay(String municipality, DashboardPeriod period) {
        Map<LocalDate, long[]> days = new TreeMap<>();
        period.from().datesUntil(period.to().plusDays(1)).forEach(d -> days.put(d, new long[2]));
        jdbc.sql("""
                select started_on, count(*) from case_metric
                where municipality_code = ? and started_on between ? and ? group by started_on""")
                .params(municipality, period.from(), period.to())
                .query(rs -> { days.get(rs.getObject(1, LocalDate.class))[0] = rs.getLong(2); });
        jdbc.sql("""
                select ended_on, count(*) from case_metric
                where municipality_code = ? and ended_on between ? and ? group by ended_on""")
                .params(municipality, period.from(), period.to())
                .query(rs -> { days.get(rs.getObject(1, LocalDate.class))[1] = rs.getLong(2); });
        return days.entrySet().stream().map(e -> new DayVolume(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
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
