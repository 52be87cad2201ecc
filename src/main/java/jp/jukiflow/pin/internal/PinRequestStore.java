package jp.jukiflow.pin.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.PinRequest;
import jp.jukiflow.pin.PinVerification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pin_request table. Holds outcomes only, never a PIN. */
@Repository
public class PinRequestStore {

    private final JdbcClient jdbc;

    PinRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(PinRequest r) {
        jdbc.sql("""
                insert into pin_request (id, card_number, municipality_code, purpose, reference, created_by, created_at,
                  expires_at, attempts)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(r.id(), r.cardNumber(), r.municipalityCode(), r.purpose().name(), r.reference(), r.createdBy(),
                        Timestamp.from(r.createdAt()), Timestamp.from(r.expiresAt()))
                .update();
    }

    public Optional<PinRequest> find(String id) {
        return jdbc.sql("select * from pin_request where id = ?").param(id).query(PinRequestStore::row).optional();
    }

    /** Reads the request and locks its row until the transaction ends (one entry at a time per request). */
    public Optional<PinRequest> findForUpdate(String id) {
        return jdbc.sql("select * from pin_request where id = ? for update").param(id).query(PinRequestStore::row)
                .optional();
    }

    public void recordOutcome(String id, PinVerification.Outcome outcome, int attemptsLeft, Instant completedAt) {
        jdbc.sql("""
                update pin_request set outcome = ?, attempts_left = ?, attempts = attempts + 1, completed_at = ?,
                  version = version + 1
                where id = ?""")
                .params(outcome.name(), attemptsLeft, completedAt == null ? null : Timestamp.from(completedAt), id)
                .update();
    }

    private static PinRequest row(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        int left = rs.getInt("attempts_left");
        Integer attemptsLeft = rs.wasNull() ? null : left;
        Timestamp completed = rs.getTimestamp("completed_at");
        return new PinRequest(rs.getString("id"), rs.getString("card_number"), rs.getString("municipality_code"),
                PinPurpose.valueOf(rs.getString("purpose")), rs.getString("reference"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                outcome == null ? null : PinVerification.Outcome.valueOf(outcome), attemptsLeft, rs.getInt("attempts"),
                completed == null ? null : completed.toInstant());
    }
}
