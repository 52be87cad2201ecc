package jp.jukiflow.widearea.internal;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The receipt numbers of the copies: one sequence per municipality and year, from 1, never the same number twice even
 * when counters take numbers at the same moment (each on its own transaction, as the issuing jobs do), and each taken
 * number kept even when the copy's own transaction is rolled back (a gap, never a duplicate).
 */
@JukiflowTest
class ReceiptNumbersTest {

    @Autowired
    WideAreaCopyStore store;
    @Autowired
    TransactionTemplate transactions;

    /** A year no other test uses, so that the sequences start fresh (the PostgreSQL twin shares its database). */
    private static int freshYear() {
        return 3000 + ThreadLocalRandom.current().nextInt(5000);
    }

    @Test
    void eachMunicipalityAndYearCountsFromOne() {
        int year = freshYear();
        assertThat(store.nextNumber(OKUSHIRI, year)).isEqualTo(1);
        assertThat(store.nextNumber(OKUSHIRI, year)).isEqualTo(2);
        assertThat(store.nextNumber(HAKODATE, year)).isEqualTo(1);
        assertThat(store.nextNumber(OKUSHIRI, year + 1)).isEqualTo(1);
    }

    @Test
    void concurrentCountersNeverGetTheSameNumber() throws Exception {
        int year = freshYear();
        int threads = 8;
        int perThread = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<Integer>>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(() -> {
                    List<Integer> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(transactions.execute(s -> store.nextNumber(HAKODATE, year)));
                    }
                    return mine;
                });
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> f : pool.invokeAll(work)) {
                all.addAll(f.get());
            }
            assertThat(all).doesNotHaveDuplicates().hasSize(threads * perThread);
            assertThat(all).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, threads * perThread).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNumberTakenByACopyThatFailedIsNotGivenAgain() {
        int year = freshYear();
        transactions.executeWithoutResult(s -> {
            assertThat(store.nextNumber(OKUSHIRI, year)).isEqualTo(1);
            s.setRollbackOnly();
        });
        assertThat(store.nextNumber(OKUSHIRI, year)).isEqualTo(2);
    }
}
