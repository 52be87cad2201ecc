package jp.jukiflow.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs the same work on several threads released at the same moment (two nodes, two clerks), for race tests. */
public final class AtOnce {

    private AtOnce() {
    }

    /** The results of {@code threads} runs of {@code work}, in thread order; waits up to a minute for each. */
    public static <T> List<T> run(int threads, Supplier<T> work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<T>> runs = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return work.get();
                }, pool));
            }
            List<T> results = new ArrayList<>();
            for (CompletableFuture<T> run : runs) {
                results.add(run.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
