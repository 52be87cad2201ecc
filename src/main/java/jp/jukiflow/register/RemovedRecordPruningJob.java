package jp.jukiflow.register;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Daily: deletes the 除票 past their retention ({@code jukiflow.register.removed-record-retention}, 150 years). Cron
 * from {@code jukiflow.register.removed-record-prune-cron} (default 00:50 Asia/Tokyo; {@code "-"} switches it off).
 * Safe on several nodes at once: one DELETE statement.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RemovedRecordPruningJob {

    private static final Logger LOG = LoggerFactory.getLogger(RemovedRecordPruningJob.class);

    private final RemovedRecords records;

    RemovedRecordPruningJob(RemovedRecords records) {
        this.records = records;
    }

    @Scheduled(cron = "${jukiflow.register.removed-record-prune-cron:0 50 0 * * *}", zone = "Asia/Tokyo")
    int pruneExpired() {
        int deleted = records.pruneExpired();
        LOG.info("除票 pruning job: {} record(s) past the retention of {} deleted", deleted, records.retention());
        return deleted;
    }
}
