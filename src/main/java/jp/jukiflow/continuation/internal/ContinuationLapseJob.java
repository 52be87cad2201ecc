package jp.jukiflow.continuation.internal;

import jp.jukiflow.card.CardContinuations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Daily: the cards not continued within 90 days of the 転入届, or whose holder filed another transfer-out before the
 * continuation, lapse (失効, docs/domain.md §3). Cron from
 * {@code jukiflow.continuation.lapse-cron} (default 00:30 Asia/Tokyo; {@code "-"} switches it off, as in the tests).
 * Safe on several nodes at once: {@link CardContinuations#lapseOverdue()} lapses each card once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ContinuationLapseJob {

    private static final Logger LOG = LoggerFactory.getLogger(ContinuationLapseJob.class);

    private final CardContinuations continuations;

    ContinuationLapseJob(CardContinuations continuations) {
        this.continuations = continuations;
    }

    @Scheduled(cron = "${jukiflow.continuation.lapse-cron:0 30 0 * * *}", zone = "Asia/Tokyo")
    void lapseOverdue() {
        int lapsed = continuations.lapseOverdue();
        LOG.info("Card continuation lapse job: {} record(s) lapsed", lapsed);
    }
}
