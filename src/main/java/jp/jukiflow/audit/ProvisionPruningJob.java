package jp.jukiflow.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Daily: deletes the provision records older than their retention ({@code jukiflow.provision-records.retention},
 * 7 years, docs/domain.md §8). Cron from {@code jukiflow.provision-records.prune-cron} (default 00:40 Asia/Tokyo; {@code "-"}
 * switches it off, as in the tests). Safe on several nodes at once: one DELETE statement, each row deleted once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ProvisionPruningJob {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisionPruningJob.class);

    private final ProvisionRecords records;

    ProvisionPruningJob(ProvisionRecords records) {
        this.records = records;
    }

    @Scheduled(cron = "${jukiflow.provision-records.prune-cron:0 40 0 * * *}", zone = "Asia/Tokyo")
    int pruneExpired() {
        int deleted = records.pruneExpired();
        LOG.info("Provision record pruning job: {} record(s) past the retention of {} deleted", deleted,
                records.retention());
        return deleted;
    }
}
