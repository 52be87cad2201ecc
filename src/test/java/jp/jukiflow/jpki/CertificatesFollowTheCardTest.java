package jp.jukiflow.jpki;

import static jp.jukiflow.support.Towns.HAKODATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardContinuations;
import jp.jukiflow.card.CardStatus;
import jp.jukiflow.card.CardStatusChanges;
import jp.jukiflow.card.PinTestCards;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.MovingResidents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The certificates on a card follow the card's status through the real card operations: a suspension puts them on
 * hold and its lifting releases them; a 廃止 after a loss revokes them as keyCompromise, one after damage as
 * cessationOfOperation; a card lapsing for want of a continuation revokes them.
 */
@JukiflowTest
class CertificatesFollowTheCardTest {


    @Autowired
    CardStatusChanges statusChanges;
    @Autowired
    CardCertificates certificates;
    @Autowired
    CardContinuations continuations;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSuspensionPutsTheCertificatesOnHoldAndItsLiftingReleasesThem() {
        Card card = newCard();
        assertThat(statuses(card)).containsOnly(CertificateStatus.VALID).hasSize(2);

        statusChanges.suspend(card.number(), "紛失（一時停止番号 S-012025-2026-999901）", null);
        assertThat(certificates.certificatesOf(card.id())).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CertificateStatus.SUSPENDED);
            assertThat(c.reason()).isEqualTo(CrlReason.CERTIFICATE_HOLD);
        });

        statusChanges.lift(card.number(), "発見・解除", null);
        assertThat(statuses(card)).containsOnly(CertificateStatus.VALID);
    }

    @Test
    void aCardAbolishedAfterATheftHasItsCertificatesRevokedAsKeyCompromise() {
        Card card = newCard();
        statusChanges.suspend(card.number(), "盗難（一時停止番号 S-012025-2026-999902）", null);
        statusChanges.abolish(card.number(), "廃止届（一時停止番号 S-012025-2026-999902）", null);
        assertThat(certificates.certificatesOf(card.id())).hasSize(2).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CertificateStatus.REVOKED);
            assertThat(c.reason()).isEqualTo(CrlReason.KEY_COMPROMISE);
        });
    }

    @Test
    void aCardAbolishedAfterDamageHasItsCertificatesRevokedAsCessationOfOperation() {
        Card card = newCard();
        statusChanges.suspend(card.number(), "破損（一時停止番号 S-012025-2026-999903）", null);
        statusChanges.abolish(card.number(), "廃止届（一時停止番号 S-012025-2026-999903）", null);
        assertThat(certificates.certificatesOf(card.id())).hasSize(2).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CertificateStatus.REVOKED);
            assertThat(c.reason()).isEqualTo(CrlReason.CESSATION_OF_OPERATION);
        });
    }

    @Test
    void aCardThatLapsesForWantOfAContinuationHasItsCertificatesRevoked() {
        Card card = newCard();
        // a special transfer-in 91 days ago and no continuation since
        continuations.recordPending(card.number(), HAKODATE, LocalDate.of(2026, 8, 27), "test:lapse:" + card.number());
        continuations.lapseOverdue();
        assertThat(certificates.certificatesOf(card.id())).hasSize(2).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CertificateStatus.REVOKED);
            assertThat(c.reason()).isEqualTo(CrlReason.CESSATION_OF_OPERATION);
        });
    }

    private Card newCard() {
        MovingResidents.Mover m = MovingResidents.in(context).create(HAKODATE, "040-0001", "北海道函館市五稜郭町2番2号");
        PinTestCards.actAsClerk("hakodate-clerk", HAKODATE);
        return context.getBean(jp.jukiflow.card.CardRegistry.class).find(m.cardNumber()).orElseThrow();
    }

    private List<CertificateStatus> statuses(Card card) {
        assertThat(card.status()).isEqualTo(CardStatus.ACTIVE);
        return certificates.certificatesOf(card.id()).stream().map(CardCertificate::status).toList();
    }
}
