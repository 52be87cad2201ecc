package jp.jukiflow.shared;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Yearly numbers: the first numbers of a year taken by eight callers at the same moment are 1 to 8, each once (the
 * year's row created once, nobody failing on its key); a rolled-back caller gives its number back.
 */
@JukiflowTest
class YearlySequencesTest {

    static final YearlySequences.Table RECEIPTS = new YearlySequences.Table("receipt_sequence", "receipt_year");

    @Autowired
    YearlySequences sequences;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    /** A year nobody else uses, so the row does not exist yet. */
    static int freshYear() {
        return ThreadLocalRandom.current().nextInt(3000, 9000);
    }

    @Test
    void eightFirstCallersOfAYearGetOneToEight() throws Exception {
        int year = freshYear();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> numbers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                numbers.add(pool.submit(() -> {
                    start.await();
                    return new TransactionTemplate(transactions).execute(s -> sequences.next(RECEIPTS, OKUSHIRI, year));
                }));
            }
            start.countDown();
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> n : numbers) {
                got.add(n.get(60, TimeUnit.SECONDS));
            }
            assertThat(got).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from receipt_sequence where municipality_code = '013676' and receipt_year = ?")
                .param(year).query(Integer.class).single()).isOne();
    }

    @Test
    void aRolledBackCallerGivesItsNumberBack() {
        int year = freshYear();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Integer first = tx.execute(s -> sequences.next(RECEIPTS, HAKODATE, year));
        assertThat(first).isEqualTo(1);
        tx.executeWithoutResult(s -> {
            assertThat(sequences.next(RECEIPTS, HAKODATE, year)).isEqualTo(2);
            s.setRollbackOnly();
        });
        Integer again = tx.execute(s -> sequences.next(RECEIPTS, HAKODATE, year));
        assertThat(again).isEqualTo(2);
    }

    @Test
    void tableNamesAreCodeNotInput() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new YearlySequences.Table("x; drop table y", "year"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
