package jp.jukiflow.card;

import java.time.Clock;
import java.time.Instant;

import jp.jukiflow.audit.CurrentActor;
import jp.jukiflow.card.internal.CardStore;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suspension (一時停止), lifting (解除) and abolition (廃止) of a card (docs/domain.md §4). Each change is a conditional
 * update of the card's status (only from the status it must have), writes a card event and publishes
 * {@link CardStatusChanged}. Of two concurrent changes of the same card exactly one wins; the other gets a
 * {@link CardStatusConflict} with a Japanese message and changes nothing.
 */
@Service
@Transactional
public class CardStatusChanges {

    public static final String EVENT_SUSPENDED = "SUSPENDED";
    public static final String EVENT_SUSPENSION_LIFTED = "SUSPENSION_LIFTED";
    public static final String EVENT_ABOLISHED = "ABOLISHED";

    private final CardStore store;
    private final CurrentActor actor;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CardStatusChanges(CardStore store, CurrentActor actor, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.actor = actor;
        this.clock = clock;
        this.events = events;
    }

    /** The card a change would apply to, or {@code CARD_NOT_FOUND}. */
    public Card require(String cardNumber) {
        String number = cardNumber == null ? "" : cardNumber.strip();
        return store.findByNumber(number).orElseThrow(() -> new ResourceNotFound("CARD_NOT_FOUND",
                "カード番号「" + number + "」のカードは登録されていません。"));
    }

    /** Whether an active card could be suspended now; the refusal otherwise (without changing anything). */
    public void checkSuspendable(Card card) {
        if (card.status() != CardStatus.ACTIVE) {
            throw refusal(card.status(), "一時停止");
        }
    }

    /** ACTIVE → SUSPENDED, at once. */
    public Card suspend(String cardNumber, String reason, String detail) {
        Card card = require(cardNumber);
        checkSuspendable(card);
        return change(card, CardStatus.ACTIVE, CardStatus.SUSPENDED, EVENT_SUSPENDED, "一時停止", reason, detail);
    }

    /** SUSPENDED → ACTIVE: the card was found and presented at the counter. */
    public Card lift(String cardNumber, String reason, String detail) {
        Card card = require(cardNumber);
        if (card.status() != CardStatus.SUSPENDED) {
            throw refusal(card.status(), "一時停止の解除");
        }
        return change(card, CardStatus.SUSPENDED, CardStatus.ACTIVE, EVENT_SUSPENSION_LIFTED, "一時停止の解除", reason,
                detail);
    }

    /** SUSPENDED → ABOLISHED (廃止): irreversible, a card found later stays unusable. */
    public Card abolish(String cardNumber, String reason, String detail) {
        Card card = require(cardNumber);
        if (card.status() != CardStatus.SUSPENDED) {
            throw refusal(card.status(), "廃止");
        }
        return change(card, CardStatus.SUSPENDED, CardStatus.ABOLISHED, EVENT_ABOLISHED, "廃止", reason, detail);
    }

    private Card change(Card card, CardStatus from, CardStatus to, String eventType, String operation, String reason,
                        String detail) {
        if (!store.changeStatus(card.id(), from, to)) {
            // another change came first (the conditional update found the card no longer in status "from")
            CardStatus now = store.findByNumber(card.number()).map(Card::status).orElse(from);
            throw refusal(now, operation);
        }
        Instant at = Instant.now(clock);
        store.insertEvent(new CardEvent(0, card.id(), eventType, from, to, at, actor.id(), reason, detail));
        events.publishEvent(new CardStatusChanged(card.id(), card.number(), card.type(),
                card.managingMunicipalityCode(), from, to, reason, at));
        return store.findByNumber(card.number()).orElseThrow();
    }

    private static CardStatusConflict refusal(CardStatus now, String operation) {
        String why = switch (now) {
            case ABOLISHED -> "このカードは既に廃止されています。廃止したカードは、見つかっても再び使うことはできません。";
            case RETURNED -> "このカードは既に返納されています。";
            case SUSPENDED -> "このカードは既に一時停止されています。";
            case ACTIVE -> "このカードは一時停止されていません（既に解除されています）。";
            case EXPIRED -> "このカードは有効期限が切れています。";
            case LAPSED -> "このカードは失効しています。";
        };
        String code = switch (now) {
            case SUSPENDED -> "CARD_ALREADY_SUSPENDED";
            case ACTIVE -> "CARD_NOT_SUSPENDED";
            default -> "CARD_" + now.name();
        };
        return new CardStatusConflict(code, why + operation + "はできません。", now);
    }
}
