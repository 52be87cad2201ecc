package jp.jukiflow.card.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.card.CardContinuation;
import jp.jukiflow.card.ContinuationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The card_continuation table, and the card columns a continuation or a lapse changes. */
@Repository
public class CardContinuationStore {

    private final JdbcClient jdbc;

    CardContinuationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CardContinuation> find(String cardNumber, String transferInReference) {
        return jdbc.sql("select * from card_continuation where card_number = ? and transfer_in_reference = ?")
                .params(cardNumber, transferInReference).query(CardContinuationStore::row).optional();
    }

    /** The newest PENDING record of the card. */
    public Optional<CardContinuation> findPending(String cardNumber) {
        return jdbc.sql("""
                select * from card_continuation where card_number = ? and status = 'PENDING'
                order by transfer_in_date desc, id desc""")
                .param(cardNumber).query(CardContinuationStore::row).list().stream().findFirst();
    }

    public List<CardContinuation> ofCard(String cardNumber) {
        return jdbc.sql("select * from card_continuation where card_number = ? order by id").param(cardNumber)
                .query(CardContinuationStore::row).list();
    }

    /** PENDING records whose last day is before {@code today}. */
    public List<CardContinuation> overdue(LocalDate today) {
        return jdbc.sql("select * from card_continuation where status = 'PENDING' and last_day < ? order by id")
                .param(Date.valueOf(today)).query(CardContinuationStore::row).list();
    }

    /** PENDING records whose holder filed another transfer-out before continuing. */
    public List<CardContinuation> movedAgain() {
        return jdbc.sql("select * from card_continuation where status = 'PENDING' and moved_again_reference is not null"
                + " order by id").query(CardContinuationStore::row).list();
    }

    public Optional<String> movedAgainReference(long id) {
        return jdbc.sql("select moved_again_reference from card_continuation where id = ?").param(id)
                .query(String.class).optional();
    }

    public int markMovedAgain(String residentCode, String reference, Instant now) {
        return jdbc.sql("""
                update card_continuation set moved_again_reference = ?, updated_at = ?
                where resident_code = ? and status = 'PENDING' and moved_again_reference is null""")
                .params(reference, Timestamp.from(now), residentCode).update();
    }

    public int unmarkMovedAgain(String reference, Instant now) {
        return jdbc.sql("""
                update card_continuation set moved_again_reference = null, updated_at = ?
                where moved_again_reference = ? and status = 'PENDING'""")
                .params(Timestamp.from(now), reference).update();
    }

    public void insert(String cardNumber, String residentCode, String destinationCode, LocalDate transferInDate,
                       LocalDate lastDay, String reference, Instant now) {
        jdbc.sql("""
                insert into card_continuation (card_number, resident_code, destination_code, transfer_in_date, last_day,
                  status, transfer_in_reference, created_at, updated_at)
                values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
                .params(cardNumber, residentCode, destinationCode, Date.valueOf(transferInDate), Date.valueOf(lastDay),
                        reference, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /** Moves a PENDING record on; false if it was no longer PENDING (another node or request was first). */
    public boolean close(long id, ContinuationStatus to, Instant now) {
        return jdbc.sql("update card_continuation set status = ?, updated_at = ? where id = ? and status = 'PENDING'")
                .params(to.name(), Timestamp.from(now), id).update() == 1;
    }

    /** Destination takes over the card and one line of the 追記欄 is used; false if the card is not ACTIVE or full. */
    public boolean endorse(long cardId, String destinationCode) {
        return jdbc.sql("""
                update card set managing_municipality_code = ?, free_endorsement_lines = free_endorsement_lines - 1,
                  version = version + 1
                where id = ? and status = 'ACTIVE' and free_endorsement_lines > 0""")
                .params(destinationCode, cardId).update() == 1;
    }

    /** Sets the card LAPSED if it is ACTIVE or SUSPENDED; false otherwise. */
    public boolean lapse(long cardId) {
        return jdbc.sql("""
                update card set status = 'LAPSED', version = version + 1
                where id = ? and status in ('ACTIVE', 'SUSPENDED')""").param(cardId).update() == 1;
    }

    private static CardContinuation row(ResultSet rs, int n) throws SQLException {
        return new CardContinuation(rs.getLong("id"), rs.getString("card_number"), rs.getString("resident_code"),
                rs.getString("destination_code"), rs.getDate("transfer_in_date").toLocalDate(),
                rs.getDate("last_day").toLocalDate(), ContinuationStatus.valueOf(rs.getString("status")),
                rs.getString("transfer_in_reference"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
