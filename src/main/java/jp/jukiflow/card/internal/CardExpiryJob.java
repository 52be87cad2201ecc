package jp.jukiflow.card.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Daily: the cards past their validity become EXPIRED (docs/domain.md §6). Cron from
 * {@code jukiflow.card-lifecycle.expiry-cron} (default 00:20 Asia/Tokyo; {@code "-"} switches it off, as in the tests).
 * Safe on several nodes at once: {@link CardExpiry#expireOverdue()} expires each card once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CardExpiryJob {

    private static final Logger LOG = LoggerFactory.getLogger(CardExpiryJob.class);

    private final CardExpiry expiry;

    CardExpiryJob(CardExpiry expiry) {
        this.expiry = expiry;
    }

    @Scheduled(cron = "${jukiflow.card-lifecycle.expiry-cron:0 20 0 * * *}", zone = "Asia/Tokyo")
    void expireOverdue() {
        int expired = expiry.expireOverdue();
        LOG.info("Card expiry job: {} card(s) expired", expired);
    }
}
