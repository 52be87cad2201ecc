package jp.jukiflow.jpki.internal;

import java.util.List;

import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardStatus;
import jp.jukiflow.card.CardStatusChanged;
import jp.jukiflow.card.CardStatusChanges;
import jp.jukiflow.jpki.CardCertificates;
import jp.jukiflow.jpki.RevocationReason;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The certificates on a card follow the card, in the same transaction: suspended → on hold (certificateHold), the
 * suspension lifted → valid again, 廃止・返納・失効 → revoked for good (keyCompromise when the card was lost or stolen,
 * else cessationOfOperation). An expiry (→ EXPIRED) is not followed on purpose: the certificates are never valid beyond
 * the card, so by then they have expired by their own validity.
 */
@Component
class FollowCardStatus {

    private final CardCertificates certificates;
    private final CardRegistry cards;

    FollowCardStatus(CardCertificates certificates, CardRegistry cards) {
        this.certificates = certificates;
        this.cards = cards;
    }

    @EventListener
    void on(CardStatusChanged change) {
        CardStatus to = change.to();
        if (to == CardStatus.SUSPENDED) {
            certificates.suspend(change.cardId());
        } else if (to == CardStatus.ACTIVE && change.from() == CardStatus.SUSPENDED) {
            certificates.release(change.cardId());
        } else if (to == CardStatus.ABOLISHED || to == CardStatus.RETURNED || to == CardStatus.LAPSED) {
            certificates.revoke(change.cardId(), lostOrStolen(change)
                    ? RevocationReason.LOSS_OR_THEFT : RevocationReason.ABOLISHED_OR_RETURNED);
        }
    }

    /** Whether this change, or the suspension it ends, was reported as 紛失 or 盗難. */
    private boolean lostOrStolen(CardStatusChanged change) {
        if (mentionsLoss(change.reason())) {
            return true;
        }
        if (change.from() != CardStatus.SUSPENDED) {
            return false;
        }
        List<CardEvent> events = cards.events(change.cardId());
        for (int i = events.size() - 1; i >= 0; i--) {
            CardEvent e = events.get(i);
            if (CardStatusChanges.EVENT_SUSPENDED.equals(e.eventType())) {
                return mentionsLoss(e.reason());
            }
        }
        return false;
    }

    private static boolean mentionsLoss(String reason) {
        return reason != null && (reason.contains("紛失") || reason.contains("盗難"));
    }
}
