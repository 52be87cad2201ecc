package jp.jukiflow.card.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The card queries of the daily lifecycle jobs. */
@Repository
public class CardLifecycleStore {

    private final JdbcClient jdbc;

    CardLifecycleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Numbers of the ACTIVE or SUSPENDED cards that may have expired before {@code today}: every JUKI card (their
     * issue ended 2015-12-28, the caller applies the rule) and the My Number Cards whose last valid day has passed.
     */
    public List<String> usableCardsPossiblyExpired(LocalDate today) {
        return jdbc.sql("""
                select card_number from card where status in ('ACTIVE', 'SUSPENDED')
                  and (card_type = 'JUKI' or valid_until < ?) order by id""")
                .param(Date.valueOf(today)).query(String.class).list();
    }
}
