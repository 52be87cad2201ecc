package jp.jukiflow.card;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.audit.CurrentActor;
import jp.jukiflow.card.internal.CardStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cards of the register and their event history. Every change of a card writes a card event. Recording a card
 * publishes {@link CardRecorded} (synchronously, inside the recording transaction).
 */
@Service
@Transactional
public class CardRegistry {

    /** Event type written when a card is recorded. */
    public static final String EVENT_ISSUED = "ISSUED";

    private final CardStore store;
    private final CurrentActor actor;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CardRegistry(CardStore store, CurrentActor actor, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.actor = actor;
        this.clock = clock;
        this.events = events;
    }

    public Optional<Card> find(String cardNumber) {
        return store.findByNumber(cardNumber);
    }

    /**
     * The card, its row locked until the transaction ends: PIN entries on one card are counted one after the other.
     */
    public Optional<Card> findForUpdate(String cardNumber) {
        return store.findByNumberForUpdate(cardNumber);
    }

    /** One card by its database id. */
    public Optional<Card> findById(long cardId) {
        return store.findById(cardId);
    }

    public List<Card> cardsOf(String residentCode) {
        return store.findByHolder(residentCode);
    }

    public List<CardEvent> events(long cardId) {
        return store.events(cardId);
    }

    /** Records an issued card with its first event. */
    public Card record(NewCard card, String reason) {
        long id = store.insert(card);
        store.insertEvent(new CardEvent(0, id, EVENT_ISSUED, null, card.status(), Instant.now(clock), actor.id(),
                reason, null));
        Card recorded = store.findByNumber(card.number()).orElseThrow();
        events.publishEvent(new CardRecorded(recorded));
        return recorded;
    }

    /**
     * Stores the PIN's failure count and lock after an entry; fails with an optimistic-locking error if the card's PIN
     * hash changed since it was read.
     */
    public void storePinState(long cardId, CardPinState pin) {
        store.updatePinState(cardId, pin);
    }

    /** Replaces the card's PIN (a new hash, the failure count and the lock), as a PIN reset does. */
    public void replacePin(long cardId, CardPinState pin) {
        store.replacePin(cardId, pin);
    }

    /**
     * Writes an event that leaves the card's status as it is (e.g. a PIN lock or reset): its status is written as
     * both from- and to-status, the actor is the current operator.
     */
    public void recordEvent(Card card, String eventType, Instant occurredAt, String reason, String detail) {
        store.insertEvent(new CardEvent(0, card.id(), eventType, card.status(), card.status(), occurredAt, actor.id(),
                reason, detail));
    }

    /**
     * Writes an event about something on the card that does not change the card's own status (e.g. its electronic
     * certificates): from- and to-status are left empty, the actor is the current operator.
     */
    public CardEvent recordEvent(long cardId, String eventType, String reason, String detail) {
        CardEvent event = new CardEvent(0, cardId, eventType, null, null, Instant.now(clock), actor.id(), reason, detail);
        store.insertEvent(event);
        return event;
    }
}
