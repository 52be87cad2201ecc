package jp.jukiflow.metrics.internal;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code jukiflow_case_duration_seconds}: a histogram of how long cases take, per procedure and municipality, recorded
 * when a case ends, after its transaction commits (a rolled-back end is not a completed case). Buckets suit cases
 * that take hours to months.
 */
@Component
class CaseMeters {

    static final String DURATION = "jukiflow.case.duration";
    static final String PROCEDURE = "procedure";
    static final String MUNICIPALITY = "municipality";

    private static final Duration[] BUCKETS = {Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(8),
            Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30),
            Duration.ofDays(60), Duration.ofDays(90), Duration.ofDays(180)};

    private final MeterRegistry registry;

    CaseMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void completedAfterCommit(String procedureKey, String municipalityCode, Duration duration) {
        Runnable record = () -> timer(procedureKey, municipalityCode).record(duration);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    record.run();
                }
            });
        } else {
            record.run();
        }
    }

    Timer timer(String procedureKey, String municipalityCode) {
        return Timer.builder(DURATION)
                .description("How long cases take from start to end")
                .tags(PROCEDURE, procedureKey, MUNICIPALITY, municipalityCode)
                .serviceLevelObjectives(BUCKETS)
                .minimumExpectedValue(Duration.ofMinutes(1))
                .maximumExpectedValue(Duration.ofDays(365))
                .register(registry);
    }
}
