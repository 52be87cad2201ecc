package jp.jukiflow.card;

import java.time.Clock;
import java.time.Instant;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.audit.CurrentActor;
import jp.jukiflow.card.internal.CardContinuationStore;
import jp.jukiflow.card.internal.CardStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * One card lapses (失効, docs/domain.md §3), the same way for every reason the law names: the status changes from ACTIVE or
 * SUSPENDED to LAPSED with a conditional update, a {@value #EVENT_LAPSED} card event, an audit entry and
 * {@link CardStatusChanged} (the certificates follow). A card in any other status keeps it. The caller holds the card
 * row's lock and its own record's conditional update, so that each card lapses once.
 */
@Component
class CardLapse {

    static final String EVENT_LAPSED = "LAPSED";

    private final CardStore cards;
    private final CardContinuationStore continuations;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CardLapse(CardStore cards, CardContinuationStore continuations, AuditLog audit, CurrentActor actor, Clock clock,
              ApplicationEventPublisher events) {
        this.cards = cards;
        this.continuations = continuations;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
        this.events = events;
    }

    /** Lapses the card if it is ACTIVE or SUSPENDED; whether it did. */
    boolean lapse(Card c, String reason, String detail, String purpose) {
        if (!continuations.lapse(c.id())) {
            return false;
        }
        Instant now = Instant.now(clock);
        cards.insertEvent(new CardEvent(0, c.id(), EVENT_LAPSED, c.status(), CardStatus.LAPSED, now, actor.id(), reason,
                detail));
        audit.record(AuditAction.UPDATE, c.managingMunicipalityCode(), c.holderResidentCode(), purpose,
                "カード " + c.number() + " の失効（" + reason + "）");
        events.publishEvent(new CardStatusChanged(c.id(), c.number(), c.type(), c.managingMunicipalityCode(),
                c.status(), CardStatus.LAPSED, reason, now));
        return true;
    }
}
