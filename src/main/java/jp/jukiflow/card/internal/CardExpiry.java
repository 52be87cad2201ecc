package jp.jukiflow.card.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.audit.CurrentActor;
import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.CardStatus;
import jp.jukiflow.card.CardStatusChanged;
import jp.jukiflow.card.CardUsability;
import jp.jukiflow.card.CardValidity;
import jp.jukiflow.municipality.BusinessCalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily expiry (期限切れ, docs/domain.md §6): every ACTIVE or SUSPENDED card whose last valid day is before today becomes
 * EXPIRED, with a card event 「有効期限の経過」, an audit entry and {@link CardStatusChanged}. The last valid day follows
 * {@link CardValidity}: a JUKI card's 10 years from its issue (so every JUKI card is expired today), a My Number Card's
 * recorded {@code validUntil} (set at issue from the holder's birthday and period of stay). Cards in any other status
 * are left alone. Each card in its own transaction, its row locked and the status changed with a conditional update,
 * so a second run, or a run on another node at the same moment, changes nothing more.
 * <p>
 * The certificates on the card are not touched: they are never valid beyond the card, so they have already expired by
 * their own validity.
 */
@Service
public class CardExpiry {

    /** Card event written when a card expires. */
    public static final String EVENT_EXPIRED = "EXPIRED";
    public static final String EXPIRY_REASON = "有効期限の経過";
    static final String PURPOSE = "カードの有効期限の管理";

    private final CardLifecycleStore lifecycle;
    private final CardStore cards;
    private final BusinessCalendar calendar;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;

    CardExpiry(CardLifecycleStore lifecycle, CardStore cards, BusinessCalendar calendar, AuditLog audit,
               CurrentActor actor, Clock clock, ApplicationEventPublisher events,
               PlatformTransactionManager transactionManager) {
        this.lifecycle = lifecycle;
        this.cards = cards;
        this.calendar = calendar;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactionManager);
    }

    /** Expires every usable card past its validity; returns how many cards this call changed. */
    public int expireOverdue() {
        LocalDate today = calendar.today();
        int expired = 0;
        for (String number : lifecycle.usableCardsPossiblyExpired(today)) {
            if (Boolean.TRUE.equals(ownTransaction.execute(tx -> expire(number, today)))) {
                expired++;
            }
        }
        return expired;
    }

    /** The card's last valid day (inclusive) by the rules of {@link CardValidity} ({@link CardUsability#lastValidDay}). */
    public LocalDate lastValidDay(Card card) {
        return CardUsability.lastValidDay(card, null);
    }

    private boolean expire(String number, LocalDate today) {
        Optional<Card> found = cards.findByNumberForUpdate(number);
        if (found.isEmpty()) {
            return false;
        }
        Card card = found.get();
        if (card.status() != CardStatus.ACTIVE && card.status() != CardStatus.SUSPENDED) {
            return false; // another node (or a clerk) came first
        }
        LocalDate lastDay = lastValidDay(card);
        if (!lastDay.isBefore(today) || !cards.changeStatus(card.id(), card.status(), CardStatus.EXPIRED)) {
            return false;
        }
        Instant at = Instant.now(clock);
        cards.insertEvent(new CardEvent(0, card.id(), EVENT_EXPIRED, card.status(), CardStatus.EXPIRED, at, actor.id(),
                EXPIRY_REASON, "有効期限 " + lastDay));
        audit.record(AuditAction.UPDATE, card.managingMunicipalityCode(), card.holderResidentCode(), PURPOSE,
                "カード " + card.number() + " の期限切れ（有効期限 " + lastDay + "）");
        events.publishEvent(new CardStatusChanged(card.id(), card.number(), card.type(), card.managingMunicipalityCode(),
                card.status(), CardStatus.EXPIRED, EXPIRY_REASON, at));
        return true;
    }
}
