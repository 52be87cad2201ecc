package jp.jukiflow.card;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.audit.CurrentActor;
import jp.jukiflow.card.internal.CardStore;
import jp.jukiflow.security.TenantAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A card crossing from one deployment to another with its holder's special move (docs/domain.md §1–§3). jukiflow keeps
 * cards in the deployment's own database; the destination of a move between deployments learns the card from the
 * 転出証明書情報 and keeps it here ({@link #importPresented}), managed by the origin until the continuation; the origin
 * notes that it handed the card's data on ({@link #handedOver}). In one deployment both towns share the card's row, so
 * nothing is imported there, and the hand-over is a note on that row.
 */
@Service
public class PresentedCards {

    /** Card event written when a destination keeps a card it learned from the 転出証明書情報. */
    public static final String EVENT_IMPORTED = "IMPORTED";
    public static final String IMPORTED_REASON = "転入先でのカード情報の受入";
    /** Card event written at the origin when the move-out is confirmed and the destination holds the card's data. */
    public static final String EVENT_HANDED_OVER = "HANDED_OVER";
    public static final String HANDED_OVER_REASON = "カード情報を転出先へ引継ぎ";

    private final CardStore store;
    private final TenantAccess tenants;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Clock clock;

    PresentedCards(CardStore store, TenantAccess tenants, AuditLog audit, CurrentActor actor, Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * Keeps at the counter of {@code counterMunicipalityCode} a card this database does not hold, as the origin's
     * 転出証明書情報 presents it (number, dates, status, managing municipality unchanged, PIN hash and state), with an
     * {@value #EVENT_IMPORTED} event and an audit line. The holder's row must exist (the card table refers to it).
     * Idempotent and never overwriting: a card already known here is returned as it is.
     *
     * @param source where the data came from, for the event (e.g. 「奥尻町（013676）の転出証明書情報 013676-2026-000123」)
     */
    @Transactional
    public Card importPresented(NewCard card, String counterMunicipalityCode, String source) {
        tenants.check(counterMunicipalityCode);
        Optional<Card> known = store.findByNumber(card.number());
        if (known.isPresent()) {
            return known.get();
        }
        long id = store.insert(card);
        store.insertEvent(new CardEvent(0, id, EVENT_IMPORTED, null, card.status(), Instant.now(clock), actor.id(),
                IMPORTED_REASON, source));
        audit.record(AuditAction.CREATE, counterMunicipalityCode, card.holderResidentCode(), IMPORTED_REASON,
                "カード " + card.number() + "（管理: " + card.managingMunicipalityCode() + "）");
        return store.findByNumber(card.number()).orElseThrow();
    }

    /**
     * At the origin, once the 転入通知 confirmed the move-out: notes on the card that its data went to the destination
     * with the 転出証明書情報 ({@value #EVENT_HANDED_OVER}, 「カード情報を転出先へ引継ぎ」), once per reference.
     * Returns whether an event was written (false for an unknown card or a repeated call).
     */
    @Transactional
    public boolean handedOver(String cardNumber, String destinationCode, String reference) {
        Optional<Card> card = cardNumber == null ? Optional.empty() : store.findByNumber(cardNumber);
        if (card.isEmpty()) {
            return false;
        }
        String detail = "転出先 " + destinationCode + "（" + reference + "）";
        boolean already = store.events(card.get().id()).stream()
                .anyMatch(e -> EVENT_HANDED_OVER.equals(e.eventType()) && detail.equals(e.detail()));
        if (already) {
            return false;
        }
        store.insertEvent(new CardEvent(0, card.get().id(), EVENT_HANDED_OVER, card.get().status(), card.get().status(),
                Instant.now(clock), actor.id(), HANDED_OVER_REASON, detail));
        return true;
    }
}
