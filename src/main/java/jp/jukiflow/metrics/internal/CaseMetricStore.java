package jp.jukiflow.metrics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code case_metric}: written by {@link CaseRecorder}, read by the dashboard and the meters. */
@Repository
class CaseMetricStore {

    private final JdbcClient jdbc;

    CaseMetricStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void started(String processInstanceId, String procedureKey, String municipalityCode, String channel,
                 Instant startedAt, LocalDate startedOn) {
        jdbc.sql("""
                insert into case_metric (process_instance_id, procedure_key, municipality_code, channel, started_at,
                                         started_on)
                values (?, ?, ?, ?, ?, ?)""")
                .params(processInstanceId, procedureKey, municipalityCode, channel, Timestamp.from(startedAt), startedOn)
                .update();
    }

    void outcome(String processInstanceId, String outcome) {
        jdbc.sql("update case_metric set outcome = ? where process_instance_id = ? and ended_at is null")
                .params(outcome, processInstanceId).update();
    }

    /** Ends the row once; {@code outcomeIfNone} only when no end event named the outcome. */
    void ended(String processInstanceId, Instant endedAt, LocalDate endedOn, String outcomeIfNone, int businessDays,
               long durationSeconds) {
        jdbc.sql("""
                update case_metric set ended_at = ?, ended_on = ?, outcome = coalesce(outcome, ?), business_days = ?,
                       duration_seconds = ?
                where process_instance_id = ? and ended_at is null""")
                .params(Timestamp.from(endedAt), endedOn, outcomeIfNone, businessDays, durationSeconds, processInstanceId)
                .update();
    }

    Optional<CaseMetric> find(String processInstanceId) {
        return jdbc.sql("select * from case_metric where process_instance_id = ?").param(processInstanceId)
                .query(CaseMetricStore::row).optional();
    }

    private static CaseMetric row(ResultSet rs, int n) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new CaseMetric(rs.getString("process_instance_id"), rs.getString("procedure_key"),
                rs.getString("municipality_code"), rs.getString("channel"), rs.getTimestamp("started_at").toInstant(),
                rs.getObject("started_on", LocalDate.class), ended == null ? null : ended.toInstant(),
                rs.getString("outcome"), rs.getObject("business_days", Integer.class));
    }

    record CaseMetric(String processInstanceId, String procedureKey, String municipalityCode, String channel,
                      Instant startedAt, LocalDate startedOn, Instant endedAt, String outcome, Integer businessDays) {
    }
}
