package jp.jukiflow.card.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.CardPinState;
import jp.jukiflow.card.CardStatus;
import jp.jukiflow.card.CardType;
import jp.jukiflow.card.NewCard;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The card and card_event tables. */
@Repository
public class CardStore {

    private static final RowMapper<Card> CARD = CardStore::card;

    private final JdbcClient jdbc;

    CardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Card> findByNumber(String number) {
        return jdbc.sql("select * from card where card_number = ?").param(number).query(CARD).optional();
    }

    public Optional<Card> findById(long id) {
        return jdbc.sql("select * from card where id = ?").param(id).query(CARD).optional();
    }

    /** Reads the card and locks its row until the transaction ends (PIN attempts are counted one at a time). */
    public Optional<Card> findByNumberForUpdate(String number) {
        return jdbc.sql("select * from card where card_number = ? for update").param(number).query(CARD).optional();
    }

    /** Stores the PIN failure count and lock; fails if the row changed since it was read. */
    public void updatePinState(long cardId, CardPinState pin) {
        int rows = jdbc.sql("""
                update card set consecutive_pin_failures = ?, pin_locked = ?, version = version + 1
                where id = ? and pin_hash = ?""")
                .params(pin.consecutiveFailures(), pin.locked(), cardId, pin.pinHash()).update();
        if (rows != 1) {
            throw new org.springframework.dao.OptimisticLockingFailureException("card " + cardId + " changed");
        }
    }

    /** Replaces the card's PIN hash, failure count and lock (a PIN reset). */
    public void replacePin(long cardId, CardPinState pin) {
        int rows = jdbc.sql("""
                update card set pin_hash = ?, consecutive_pin_failures = ?, pin_locked = ?, version = version + 1
                where id = ?""")
                .params(pin.pinHash(), pin.consecutiveFailures(), pin.locked(), cardId).update();
        if (rows != 1) {
            throw new org.springframework.dao.OptimisticLockingFailureException("card " + cardId + " changed");
        }
    }

    public List<Card> findByHolder(String residentCode) {
        return jdbc.sql("select * from card where resident_code = ? order by issued_on").param(residentCode)
                .query(CARD).list();
    }

    public long insert(NewCard c) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into card (card_type, card_number, resident_code, photo, issued_on, valid_until, status,
                  managing_municipality_code, pin_hash, consecutive_pin_failures, pin_locked, free_endorsement_lines)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.type().name(), c.number(), c.holderResidentCode(), c.photo(), Date.valueOf(c.issuedOn()),
                        Date.valueOf(c.validUntil()), c.status().name(), c.managingMunicipalityCode(),
                        c.pin().pinHash(), c.pin().consecutiveFailures(), c.pin().locked(), c.freeEndorsementLines())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void insertEvent(CardEvent e) {
        jdbc.sql("""
                insert into card_event (card_id, event_type, from_status, to_status, occurred_at, actor, reason, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.cardId(), e.eventType(), e.fromStatus() == null ? null : e.fromStatus().name(),
                        e.toStatus() == null ? null : e.toStatus().name(), Timestamp.from(e.occurredAt()), e.actor(),
                        e.reason(), e.detail())
                .update();
    }

    public List<CardEvent> events(long cardId) {
        return jdbc.sql("select * from card_event where card_id = ? order by occurred_at, id").param(cardId)
                .query((rs, n) -> new CardEvent(rs.getLong("id"), rs.getLong("card_id"), rs.getString("event_type"),
                        status(rs.getString("from_status")), status(rs.getString("to_status")),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("reason"),
                        rs.getString("detail")))
                .list();
    }

    private static CardStatus status(String value) {
        return value == null ? null : CardStatus.valueOf(value);
    }

    private static Card card(ResultSet rs, int row) throws SQLException {
        return new Card(rs.getLong("id"), CardType.valueOf(rs.getString("card_type")), rs.getString("card_number"),
                rs.getString("resident_code"), rs.getBoolean("photo"), rs.getDate("issued_on").toLocalDate(),
                rs.getDate("valid_until").toLocalDate(), CardStatus.valueOf(rs.getString("status")),
                rs.getString("managing_municipality_code"),
                new CardPinState(rs.getString("pin_hash"), rs.getInt("consecutive_pin_failures"), rs.getBoolean("pin_locked")),
                rs.getInt("free_endorsement_lines"));
    }

    /**
     * Changes the card's status only if it is still {@code from} (a conditional update: of two concurrent changes
     * from the same status exactly one finds the row unchanged). Returns whether the row was changed.
     */
    public boolean changeStatus(long cardId, CardStatus from, CardStatus to) {
        return jdbc.sql("update card set status = ?, version = version + 1 where id = ? and status = ?")
                .params(to.name(), cardId, from.name()).update() == 1;
    }
}
