package jp.jukiflow.audit.internal;

import java.sql.Timestamp;
import java.util.List;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit_log table. Append-only: nothing here updates or deletes a line. */
@Repository
public class AuditStore {

    private final JdbcClient jdbc;

    AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AuditEntry e) {
        jdbc.sql("""
                insert into audit_log (occurred_at, actor, municipality_code, action, subject_resident_code, purpose, detail)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(e.occurredAt()), e.actor(), e.municipalityCode(), e.action().name(),
                        e.subjectResidentCode(), e.purpose(), e.detail())
                .update();
    }

    public List<AuditEntry> findBySubject(String residentCode) {
        return jdbc.sql("select * from audit_log where subject_resident_code = ? order by occurred_at desc, id desc")
                .param(residentCode)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("municipality_code"), AuditAction.valueOf(rs.getString("action")),
                        rs.getString("subject_resident_code"), rs.getString("purpose"), rs.getString("detail")))
                .list();
    }
}
