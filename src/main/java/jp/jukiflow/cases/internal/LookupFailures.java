package jp.jukiflow.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table status_lookup_failure: when a receipt number was asked with a wrong birth date. */
@Repository
public class LookupFailures {

    private final JdbcClient jdbc;

    LookupFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int since(String receiptNumber, Instant since) {
        return jdbc.sql("select count(*) from status_lookup_failure where receipt_number = ? and failed_at >= ?")
                .params(receiptNumber, Timestamp.from(since)).query(Integer.class).single();
    }

    /** The oldest failure of the window, from which the refusal ends. */
    public Optional<Instant> oldestSince(String receiptNumber, Instant since) {
        return Optional.ofNullable(jdbc.sql("select min(failed_at) from status_lookup_failure where receipt_number = ? "
                        + "and failed_at >= ?").params(receiptNumber, Timestamp.from(since))
                .query(Timestamp.class).single()).map(Timestamp::toInstant);
    }

    /** Records a failure and forgets every failure that left the window. */
    public void record(String receiptNumber, Instant at, Instant windowStart) {
        jdbc.sql("insert into status_lookup_failure (receipt_number, failed_at) values (?, ?)")
                .params(receiptNumber, Timestamp.from(at)).update();
        jdbc.sql("delete from status_lookup_failure where failed_at < ?").param(Timestamp.from(windowStart)).update();
    }
}
