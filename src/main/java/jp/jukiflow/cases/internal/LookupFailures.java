package jp.jukiflow.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table status_lookup_failure: when a receipt number was asked with a wrong birth date, and by which client
 * ({@link jp.jukiflow.cases.LookupClient#key()}). Rows that left the window are deleted as new ones come.
 */
@Repository
public class LookupFailures {

    private final JdbcClient jdbc;

    LookupFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The failures of a client after the instant (the window's start), over every receipt number, oldest first. */
    public List<Instant> ofClient(String client, Instant since) {
        return jdbc.sql("select failed_at from status_lookup_failure where client_key = ? and failed_at > ? order by failed_at")
                .params(client, Timestamp.from(since)).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    /** The failures on a receipt number after the instant (the window's start), from every client, oldest first. */
    public List<Instant> ofReceiptNumber(String receiptNumber, Instant since) {
        return jdbc.sql("select failed_at from status_lookup_failure where receipt_number = ? and failed_at > ? order by failed_at")
                .params(receiptNumber, Timestamp.from(since)).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    /** Records a failure and forgets every failure that left the window. */
    public void record(String receiptNumber, String client, Instant at, Instant windowStart) {
        jdbc.sql("insert into status_lookup_failure (receipt_number, client_key, failed_at) values (?, ?, ?)")
                .params(receiptNumber, client, Timestamp.from(at)).update();
        jdbc.sql("delete from status_lookup_failure where failed_at < ?").param(Timestamp.from(windowStart)).update();
    }
}
