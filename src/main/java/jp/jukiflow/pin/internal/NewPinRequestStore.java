package jp.jukiflow.pin.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.NewPinRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The new_pin_request table. Never holds a PIN. */
@Repository
public class NewPinRequestStore {

    private final JdbcClient jdbc;

    NewPinRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(NewPinRequest r) {
        jdbc.sql("""
                insert into new_pin_request (id, card_number, municipality_code, purpose, reference, created_by,
                  created_at, expires_at, attempts)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(r.id(), r.cardNumber(), r.municipalityCode(), r.purpose().name(), r.reference(), r.createdBy(),
                        Timestamp.from(r.createdAt()), Timestamp.from(r.expiresAt()))
                .update();
    }

    public Optional<NewPinRequest> find(String id) {
        return jdbc.sql("select * from new_pin_request where id = ?").param(id).query(NewPinRequestStore::row)
                .optional();
    }

    /** Reads the request and locks its row until the transaction ends (one entry at a time per request). */
    public Optional<NewPinRequest> findForUpdate(String id) {
        return jdbc.sql("select * from new_pin_request where id = ? for update").param(id)
                .query(NewPinRequestStore::row).optional();
    }

    /** Counts an entry; {@code setAt} closes the request (the new PIN was set). */
    public void countAttempt(String id, Instant setAt) {
        jdbc.sql("update new_pin_request set attempts = attempts + 1, set_at = ?, version = version + 1 where id = ?")
                .params(setAt == null ? null : Timestamp.from(setAt), id).update();
    }

    private static NewPinRequest row(ResultSet rs, int n) throws SQLException {
        Timestamp set = rs.getTimestamp("set_at");
        return new NewPinRequest(rs.getString("id"), rs.getString("card_number"), rs.getString("municipality_code"),
                PinPurpose.valueOf(rs.getString("purpose")), rs.getString("reference"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                rs.getInt("attempts"), set == null ? null : set.toInstant());
    }
}
