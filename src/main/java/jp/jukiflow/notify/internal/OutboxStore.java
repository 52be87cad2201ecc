package jp.jukiflow.notify.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.notify.MailStatus;
import jp.jukiflow.notify.OutboxBacklog;
import jp.jukiflow.notify.OutboxEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The mail_outbox table. Rows are never deleted: the case history shows every mail. */
@Repository
public class OutboxStore {

    static final int MAX_ERROR_LENGTH = 2000;

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new row; a duplicate idempotency key throws Spring's {@code DuplicateKeyException}. */
    public OutboxEntry insert(String idempotencyKey, String caseKey, String municipalityCode, String template,
                              String recipient, RenderedMail mail, MailStatus status, Instant createdAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into mail_outbox (idempotency_key, case_key, municipality_code, template, recipient, subject,
                                         body, status, created_at, attempts)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(idempotencyKey, caseKey, municipalityCode, template, recipient, mail.subject(), mail.body(),
                        status.name(), Timestamp.from(createdAt))
                .update(keys, "id");
        return findById(keys.getKey().longValue()).orElseThrow();
    }

    public List<OutboxBacklog> pendingByMunicipalityAndTemplate() {
        return jdbc.sql("""
                select municipality_code, template, count(*) as pending from mail_outbox where status = ?
                group by municipality_code, template order by municipality_code, template""")
                .param(MailStatus.PENDING.name())
                .query((rs, n) -> new OutboxBacklog(rs.getString("municipality_code"), rs.getString("template"),
                        rs.getLong("pending")))
                .list();
    }

    public Optional<OutboxEntry> findByKey(String idempotencyKey) {
        return jdbc.sql("select * from mail_outbox where idempotency_key = ?").param(idempotencyKey)
                .query(OutboxStore::map).optional();
    }

    public Optional<OutboxEntry> findById(long id) {
        return jdbc.sql("select * from mail_outbox where id = ?").param(id).query(OutboxStore::map).optional();
    }

    /** Every mail of a case, oldest first. */
    public List<OutboxEntry> findByCase(String caseKey) {
        return jdbc.sql("select * from mail_outbox where case_key = ? order by created_at, id").param(caseKey)
                .query(OutboxStore::map).list();
    }

    /** PENDING → SENT, counting the successful attempt. */
    public OutboxEntry markSent(long id, Instant sentAt) {
        jdbc.sql("update mail_outbox set status = ?, sent_at = ?, attempts = attempts + 1 where id = ? and status = ?")
                .params(MailStatus.SENT.name(), Timestamp.from(sentAt), id, MailStatus.PENDING.name())
                .update();
        return findById(id).orElseThrow();
    }

    /** Counts a failed attempt; the row stays PENDING. */
    public OutboxEntry recordFailure(long id, String error) {
        String text = error == null ? "(no message)" : error;
        if (text.length() > MAX_ERROR_LENGTH) {
            text = text.substring(0, MAX_ERROR_LENGTH);
        }
        jdbc.sql("update mail_outbox set attempts = attempts + 1, last_error = ? where id = ?").params(text, id).update();
        return findById(id).orElseThrow();
    }

    private static OutboxEntry map(ResultSet rs, int row) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new OutboxEntry(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("case_key"),
                rs.getString("municipality_code"), rs.getString("template"), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), MailStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), sentAt == null ? null : sentAt.toInstant(),
                rs.getInt("attempts"), rs.getString("last_error"));
    }
}
