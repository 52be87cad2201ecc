package jp.jukiflow.shared;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers counted per municipality and year (受付番号, 一時停止番号, …) in tables of the shape
 * {@code (municipality_code, <year column>, last_value)} with that pair as primary key. The next number is taken in
 * the caller's transaction: the year's row stays locked until the caller commits, so two callers never get the same
 * number and a rolled-back caller leaves no gap. The first number of a year creates the row behind a savepoint, so
 * two first callers at the same moment both go on (one creates it, the other rolls back to its savepoint and finds
 * it) instead of one failing on the key — on the caller's own connection: a second one per caller could exhaust the
 * pool when many callers start a year together.
 */
@Component
public class YearlySequences {

    /** A sequence table; names are code constants, never input. */
    public record Table(String name, String yearColumn) {

        public Table {
            if (!name.matches("[a-z_]+") || !yearColumn.matches("[a-z_]+")) {
                throw new IllegalArgumentException("not a table or column name: " + name + "." + yearColumn);
            }
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    YearlySequences(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The next value (1 for the year's first) of the municipality's year. */
    public int next(Table table, String municipalityCode, int year) {
        if (increment(table, municipalityCode, year) == 0) {
            try {
                savepoint.executeWithoutResult(status -> jdbc.sql("insert into " + table.name()
                                + " (municipality_code, " + table.yearColumn() + ", last_value) values (?, ?, 0)")
                        .params(municipalityCode, year).update());
            } catch (DuplicateKeyException createdMeanwhile) {
                // another caller created the year's row at the same moment: count on it
            }
            increment(table, municipalityCode, year);
        }
        return jdbc.sql("select last_value from " + table.name() + " where municipality_code = ? and "
                        + table.yearColumn() + " = ?")
                .params(municipalityCode, year).query(Integer.class).single();
    }

    private int increment(Table table, String municipalityCode, int year) {
        return jdbc.sql("update " + table.name() + " set last_value = last_value + 1 where municipality_code = ? and "
                        + table.yearColumn() + " = ?")
                .params(municipalityCode, year).update();
    }
}
