package jp.jukiflow.card;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.audit.CurrentActor;
import jp.jukiflow.card.internal.CardStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The cards of the register and their event history. Every change of a card writes a card event. */
@Service
@Transactional
public class CardRegistry {

    /** Event type written when a card is recorded. */
    public static final String EVENT_ISSUED = "ISSUED";

    private final CardStore store;
    private final CurrentActor actor;
    private final Clock clock;

    CardRegistry(CardStore store, CurrentActor actor, Clock clock) {
        this.store = store;
        this.actor = actor;
        this.clock = clock;
    }

    public Optional<Card> find(String cardNumber) {
        return store.findByNumber(cardNumber);
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
        return store.findByNumber(card.number()).orElseThrow();
    }
}
