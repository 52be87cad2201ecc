package jp.jukiflow.suspension.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import jp.jukiflow.shared.YearlySequences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables card_suspension and card_suspension_sequence. */
@Repository
class SuspensionStore {

    private static final YearlySequences.Table NUMBERS =
            new YearlySequences.Table("card_suspension_sequence", "suspension_year");

    private final JdbcClient jdbc;
    private final YearlySequences sequences;

    SuspensionStore(JdbcClient jdbc, YearlySequences sequences) {
        this.jdbc = jdbc;
        this.sequences = sequences;
    }

    /** The next number of the municipality and year, e.g. S-013676-2026-000001 (the row is locked until commit). */
    String nextNumber(String municipalityCode, int year) {
        int value = sequences.next(NUMBERS, municipalityCode, year);
        return String.format("S-%s-%d-%06d", municipalityCode, year, value);
    }

    void insert(Suspension s) {
        jdbc.sql("""
                insert into card_suspension (suspension_number, municipality_code, card_number, card_id, reason,
                  reason_detail, lost_on, police_receipt_number, channel, office_id, reporter_name, reporter_relation,
                  reporter_phone, reporter_email, status, reported_at, reported_by, process_instance_id, idempotency_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.number(), s.municipalityCode(), s.cardNumber(), s.cardId(), s.reason().name(),
                        s.reasonDetail(), s.lostOn() == null ? null : Date.valueOf(s.lostOn()), s.policeReceiptNumber(),
                        s.channel().name(), s.officeId(), s.reporterName(), s.reporterRelation(), s.reporterPhone(),
                        s.reporterEmail(), s.status().name(), Timestamp.from(s.reportedAt()), s.reportedBy(),
                        s.processInstanceId(), s.idempotencyKey())
                .update();
    }

    Optional<Suspension> find(String number) {
        return jdbc.sql("select * from card_suspension where suspension_number = ?").param(number)
                .query(SuspensionStore::row).optional();
    }

    /**
     * The suspension, its row locked until the transaction ends: a second clerk's 解除 or 廃止届 of the same suspension
     * waits here for the first to commit, and then reads the status the first left ({@code for update} returns the
     * row as last committed, on PostgreSQL and on H2).
     */
    Optional<Suspension> findForUpdate(String number) {
        return jdbc.sql("select * from card_suspension where suspension_number = ? for update").param(number)
                .query(SuspensionStore::row).optional();
    }

    Optional<Suspension> findByIdempotencyKey(String key) {
        return jdbc.sql("select * from card_suspension where idempotency_key = ?").param(key)
                .query(SuspensionStore::row).optional();
    }

    /** The suspension still open for the card, if any. */
    Optional<Suspension> openFor(String cardNumber) {
        return jdbc.sql("select * from card_suspension where card_number = ? and status = 'SUSPENDED'").param(cardNumber)
                .query(SuspensionStore::row).optional();
    }

    void confirm(String number, String policeReceiptNumber, Instant at) {
        jdbc.sql("update card_suspension set police_receipt_number = ?, confirmed_at = ?, version = version + 1 "
                        + "where suspension_number = ?")
                .params(policeReceiptNumber, Timestamp.from(at), number).update();
    }

    /** SUSPENDED → LIFTED / ABOLISHED, only once: false when it was closed already. */
    boolean close(String number, Suspension.Status to, Instant at, String by) {
        return jdbc.sql("update card_suspension set status = ?, closed_at = ?, closed_by = ?, version = version + 1 "
                        + "where suspension_number = ? and status = 'SUSPENDED'")
                .params(to.name(), Timestamp.from(at), by, number).update() == 1;
    }

    private static Suspension row(ResultSet rs, int n) throws SQLException {
        Date lost = rs.getDate("lost_on");
        return new Suspension(rs.getString("suspension_number"), rs.getString("municipality_code"),
                rs.getString("card_number"), rs.getLong("card_id"), SuspensionReason.valueOf(rs.getString("reason")),
                rs.getString("reason_detail"), lost == null ? null : lost.toLocalDate(),
                rs.getString("police_receipt_number"), ReportChannel.valueOf(rs.getString("channel")),
                rs.getString("office_id"), rs.getString("reporter_name"), rs.getString("reporter_relation"),
                rs.getString("reporter_phone"), rs.getString("reporter_email"),
                Suspension.Status.valueOf(rs.getString("status")), instant(rs, "reported_at"),
                rs.getString("reported_by"), instant(rs, "confirmed_at"), instant(rs, "closed_at"),
                rs.getString("closed_by"), rs.getString("process_instance_id"), rs.getString("idempotency_key"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
