package jp.jukiflow.jukinet.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.jukinet.ExpectedMoveIn;
import jp.jukiflow.jukinet.ExpectedMoveInStatus;
import jp.jukiflow.jukinet.MoveOutCertificateInfo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The expected_move_in table: one line per received 転出証明書情報 (receipt number). */
@Repository
public class ExpectedMoveInStore {

    private final JdbcClient jdbc;

    ExpectedMoveInStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ExpectedMoveIn> find(String receiptNumber) {
        return jdbc.sql("select * from expected_move_in where receipt_number = ?")
                .param(receiptNumber)
                .query(ExpectedMoveInStore::map)
                .optional();
    }

    public List<ExpectedMoveIn> findByDestination(String destinationCode, ExpectedMoveInStatus status) {
        return jdbc.sql("""
                select * from expected_move_in where destination_code = ? and status = ?
                order by planned_move_out_date, receipt_number""")
                .params(destinationCode, status.name())
                .query(ExpectedMoveInStore::map)
                .list();
    }

    public void insert(MoveOutCertificateInfo c, String payload, String messageId, Instant receivedAt) {
        jdbc.sql("""
                insert into expected_move_in (receipt_number, origin_code, destination_code, planned_move_out_date,
                                              moved_on, payload, message_id, received_at, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.receiptNumber(), c.originCode(), c.destinationCode(), Date.valueOf(c.plannedMoveOutDate()),
                        c.movedOn() == null ? null : Date.valueOf(c.movedOn()), payload, messageId,
                        Timestamp.from(receivedAt), ExpectedMoveInStatus.EXPECTED.name())
                .update();
    }

    /** Replaces the certificate of a move-in that is still expected; returns the number of lines changed (0 or 1). */
    public int replaceWhileExpected(MoveOutCertificateInfo c, String payload, String messageId, Instant receivedAt) {
        return jdbc.sql("""
                update expected_move_in
                set origin_code = ?, destination_code = ?, planned_move_out_date = ?, moved_on = ?, payload = ?,
                    message_id = ?, received_at = ?
                where receipt_number = ? and status = ?""")
                .params(c.originCode(), c.destinationCode(), Date.valueOf(c.plannedMoveOutDate()),
                        c.movedOn() == null ? null : Date.valueOf(c.movedOn()), payload, messageId,
                        Timestamp.from(receivedAt), c.receiptNumber(), ExpectedMoveInStatus.EXPECTED.name())
                .update();
    }

    /** Moves the line from one status to another; returns the number of lines changed (0 or 1). */
    public int changeStatus(String receiptNumber, ExpectedMoveInStatus from, ExpectedMoveInStatus to, Instant at) {
        return jdbc.sql("""
                update expected_move_in set status = ?, status_changed_at = ?
                where receipt_number = ? and status = ?""")
                .params(to.name(), Timestamp.from(at), receiptNumber, from.name())
                .update();
    }

    private static ExpectedMoveIn map(ResultSet rs, int row) throws SQLException {
        Date movedOn = rs.getDate("moved_on");
        Timestamp changedAt = rs.getTimestamp("status_changed_at");
        return new ExpectedMoveIn(rs.getString("receipt_number"), rs.getString("origin_code"),
                rs.getString("destination_code"), rs.getDate("planned_move_out_date").toLocalDate(),
                movedOn == null ? null : movedOn.toLocalDate(),
                JukinetJson.read(rs.getString("payload"), MoveOutCertificateInfo.class),
                rs.getTimestamp("received_at").toInstant(), ExpectedMoveInStatus.valueOf(rs.getString("status")),
                changedAt == null ? null : changedAt.toInstant());
    }
}
