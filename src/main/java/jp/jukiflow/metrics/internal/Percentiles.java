package jp.jukiflow.metrics.internal;

import java.util.SortedMap;

/** Nearest-rank percentiles of a histogram (value → count): the smallest value with at least p·N values at or below it. */
final class Percentiles {

    private Percentiles() {
    }

    /** Null for an empty histogram. */
    static Integer of(SortedMap<Integer, Long> histogram, double p) {
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (var entry : histogram.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return entry.getKey();
            }
        }
        return histogram.lastKey();
    }
}
