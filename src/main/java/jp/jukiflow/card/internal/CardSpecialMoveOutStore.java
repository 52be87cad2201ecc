package jp.jukiflow.card.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The card_special_move_out table: cards waiting for the 転入届 after a special transfer-out. */
@Repository
public class CardSpecialMoveOutStore {

    /** A PENDING record the daily job lapses. */
    public record Overdue(long id, String cardNumber, String destinationCode, LocalDate lastDay, String reference) {
    }

    private final JdbcClient jdbc;

    CardSpecialMoveOutStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a PENDING record unless the card already has one for this transfer-out; whether it inserted. */
    public boolean insertIfAbsent(String cardNumber, String residentCode, String originCode, String destinationCode,
                                  LocalDate lastDay, String reference, Instant now) {
        boolean exists = jdbc.sql("select count(*) from card_special_move_out where card_number = ? and reference = ?")
                .params(cardNumber, reference).query(Integer.class).single() > 0;
        if (exists) {
            return false;
        }
        jdbc.sql("""
                insert into card_special_move_out (card_number, resident_code, origin_code, destination_code, last_day,
                  status, reference, created_at, updated_at)
                values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
                .params(cardNumber, residentCode, originCode, destinationCode, Date.valueOf(lastDay), reference,
                        Timestamp.from(now), Timestamp.from(now))
                .update();
        return true;
    }

    /** PENDING records whose last day is before {@code today}. */
    public List<Overdue> overdue(LocalDate today) {
        return jdbc.sql("""
                select id, card_number, destination_code, last_day, reference from card_special_move_out
                where status = 'PENDING' and last_day < ? order by id""")
                .param(Date.valueOf(today))
                .query((rs, n) -> new Overdue(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getString(5)))
                .list();
    }

    /** PENDING → {@code to} for one record; false when it was no longer PENDING (another node came first). */
    public boolean close(long id, String to, Instant now) {
        return jdbc.sql("update card_special_move_out set status = ?, updated_at = ? where id = ? and status = 'PENDING'")
                .params(to, Timestamp.from(now), id).update() == 1;
    }

    public int closeByReference(String reference, String to, Instant now) {
        return jdbc.sql("""
                update card_special_move_out set status = ?, updated_at = ? where reference = ? and status = 'PENDING'""")
                .params(to, Timestamp.from(now), reference).update();
    }

    public int closeByCard(String cardNumber, String to, Instant now) {
        return jdbc.sql("""
                update card_special_move_out set status = ?, updated_at = ? where card_number = ? and status = 'PENDING'""")
                .params(to, Timestamp.from(now), cardNumber).update();
    }

    /** The record's status, for tests and the card page. */
    public List<String> statuses(String cardNumber) {
        return jdbc.sql("select status from card_special_move_out where card_number = ? order by id").param(cardNumber)
                .query(String.class).list();
    }
}
