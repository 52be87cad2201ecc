package jp.jukiflow.jukinet.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.LoggedMessage;
import jp.jukiflow.jukinet.MessageDirection;
import jp.jukiflow.jukinet.MessageType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The jukinet_message table: every message sent or received, one line per message id and direction. */
@Repository
public class JukinetMessageStore {

    /** The payload column's size; a longer payload is refused before it is sent. */
    public static final int MAX_PAYLOAD_LENGTH = 20_000;

    private final JdbcClient jdbc;

    JukinetMessageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Envelope e, MessageDirection direction, Instant receivedAt) {
        jdbc.sql("""
                insert into jukinet_message (message_id, direction, type, from_code, to_code, correlation_id, payload,
                                             sent_at, received_at, handled)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.messageId(), direction.name(), e.type().name(), e.from(), e.to(), e.correlationId(),
                        e.payload(), Timestamp.from(e.sentAt()), receivedAt == null ? null : Timestamp.from(receivedAt),
                        false)
                .update();
    }

    public boolean exists(String messageId, MessageDirection direction) {
        return jdbc.sql("select count(*) from jukinet_message where message_id = ? and direction = ?")
                .params(messageId, direction.name())
                .query(Long.class).single() > 0;
    }

    public void markHandled(String messageId, MessageDirection direction) {
        jdbc.sql("update jukinet_message set handled = ? where message_id = ? and direction = ?")
                .params(true, messageId, direction.name())
                .update();
    }

    public List<LoggedMessage> findByCorrelation(String correlationId) {
        return jdbc.sql("select * from jukinet_message where correlation_id = ? order by sent_at, id")
                .param(correlationId)
                .query(JukinetMessageStore::map)
                .list();
    }

    /** Sent messages to one municipality with {@code from <= sent_at < until}. */
    public List<LoggedMessage> findSentTo(String toCode, Instant from, Instant until) {
        return jdbc.sql("""
                select * from jukinet_message
                where direction = ? and to_code = ? and sent_at >= ? and sent_at < ?
                order by sent_at, id""")
                .params(MessageDirection.SENT.name(), toCode, Timestamp.from(from), Timestamp.from(until))
                .query(JukinetMessageStore::map)
                .list();
    }

    private static LoggedMessage map(ResultSet rs, int row) throws SQLException {
        Timestamp receivedAt = rs.getTimestamp("received_at");
        return new LoggedMessage(rs.getLong("id"), rs.getString("message_id"),
                MessageDirection.valueOf(rs.getString("direction")), MessageType.valueOf(rs.getString("type")),
                rs.getString("from_code"), rs.getString("to_code"), rs.getString("correlation_id"),
                rs.getString("payload"), rs.getTimestamp("sent_at").toInstant(),
                receivedAt == null ? null : receivedAt.toInstant(), rs.getBoolean("handled"));
    }
}
