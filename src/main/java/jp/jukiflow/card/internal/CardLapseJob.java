package jp.jukiflow.card.internal;

import jp.jukiflow.card.CardSpecialMoveOuts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Daily: the cards whose special transfer-in deadline passed without a 転入届 lapse (失効, docs/domain.md §3). Cron from
 * {@code jukiflow.card-lifecycle.lapse-cron} (default 00:25 Asia/Tokyo; {@code "-"} switches it off, as in the tests).
 * The continuation's lapses (no continuation within 90 days, another transfer-out before it) run in
 * {@code ContinuationLapseJob}; both lapse a card through the same {@code CardLapse}. Safe on several nodes at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CardLapseJob {

    private static final Logger LOG = LoggerFactory.getLogger(CardLapseJob.class);

    private final CardSpecialMoveOuts specialMoveOuts;

    CardLapseJob(CardSpecialMoveOuts specialMoveOuts) {
        this.specialMoveOuts = specialMoveOuts;
    }

    @Scheduled(cron = "${jukiflow.card-lifecycle.lapse-cron:0 25 0 * * *}", zone = "Asia/Tokyo")
    void lapseOverdue() {
        int lapsed = specialMoveOuts.lapseOverdue();
        LOG.info("Card lapse job (special transfer-in deadline): {} record(s) lapsed", lapsed);
    }
}
