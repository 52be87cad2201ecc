package jp.jukiflow.jpki.internal;

import java.util.List;

import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.jpki.CardCertificates;
import jp.jukiflow.shared.StartupOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only: cards recorded before certificates existed (a demo database from an earlier version in
 * {@code ./data}) get theirs at startup, so that the demo CRL and every demo card agree. A no-op when every card has
 * its certificates. Never in production: the demo CA must not issue for real cards.
 */
@Component
@Profile("demo & !postgres")
@Order(StartupOrder.DEMO_DATA + 1)
class DemoCertificateBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCertificateBackfill.class);

    private final CertificateStore store;
    private final CardRegistry cards;
    private final CardCertificates certificates;
    private final TransactionTemplate transaction;

    DemoCertificateBackfill(CertificateStore store, CardRegistry cards, CardCertificates certificates,
                            TransactionTemplate transaction) {
        this.store = store;
        this.cards = cards;
        this.certificates = certificates;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Long> without = store.cardsWithoutCertificates();
        if (without.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> without.forEach(
                id -> cards.findById(id).ifPresent(certificates::issueFor)));
        log.info("Demo data: certificates issued for {} cards recorded before the JPKI module", without.size());
    }
}
