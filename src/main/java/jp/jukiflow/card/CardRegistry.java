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
     * Writes an event about something on the card that does not change the card's own status (e.g. its electronic
     * certificates): from- and to-status are left empty, the actor is the current operator.
     */
    public CardEvent recordEvent(long cardId, String eventType, String reason, String detail) {
        CardEvent event = new CardEvent(0, cardId, eventType, null, null, Instant.now(clock), actor.id(), reason, detail);
        store.insertEvent(event);
        return event;
    }
}
