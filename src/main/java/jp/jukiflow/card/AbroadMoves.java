package jp.jukiflow.card;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jp.jukiflow.audit.CurrentActor;
import jp.jukiflow.card.internal.CardStore;
import jp.jukiflow.shared.DomainRuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cards of a person moving abroad (国外転出, docs/domain.md §10). A My Number Card may be kept for use abroad (国外継続利用)
 * when the holder asks at the counter, with the PIN, no later than the day before the move-out date: the card is
 * endorsed 「国外転出」 with the date ({@value #EVENT_ENDORSED_ABROAD} card event). On the move-out date every other
 * card of the movers lapses ({@link InvalidationReason#MOVED_ABROAD}, a {@value #EVENT_LAPSED_ABROAD} card event; a
 * JUKI card always). Each change is a conditional update, so a repeated call changes nothing.
 */
@Service
@Transactional
public class AbroadMoves {

    public static final String EVENT_ENDORSED_ABROAD = "ENDORSED_ABROAD";
    public static final String EVENT_LAPSED_ABROAD = "LAPSED_MOVED_ABROAD";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final CardStore store;
    private final CurrentActor actor;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AbroadMoves(CardStore store, CurrentActor actor, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.actor = actor;
        this.clock = clock;
        this.events = events;
    }

    /** Why the card cannot be kept for use abroad on {@code today}, or {@code null} when it can. */
    public static String refusal(Card card, boolean japaneseNational, LocalDate moveOutDate, LocalDate today) {
        if (card.type() != CardType.MY_NUMBER) {
            return "住基カードは国外では利用できません。国外転出の日に失効します。";
        }
        if (!japaneseNational) {
            return "国外継続利用ができるのは、日本国籍の方のマイナンバーカードだけです。";
        }
        if (card.status() != CardStatus.ACTIVE || today.isAfter(card.validUntil())) {
            return "このカードは有効なカードではない（" + card.status().labelJa() + "）ため、国外継続利用はできません。";
        }
        if (!today.isBefore(moveOutDate)) {
            return "国外継続利用の申出は、転出予定日（" + moveOutDate + "）の前日までに窓口でしていただく必要があります。";
        }
        return null;
    }

    /** 国外継続利用: endorses the card 「国外転出」 with the move-out date; refused with the reason when it cannot be. */
    public void endorseForUseAbroad(String cardNumber, boolean japaneseNational, LocalDate moveOutDate,
                                    String reference) {
        Card card = store.findByNumberForUpdate(cardNumber).orElseThrow(() -> new DomainRuleViolation("CARD_NOT_FOUND",
                "カード番号「" + cardNumber + "」のカードは登録されていません。"));
        if (keptForUseAbroad(card)) {
            return;
        }
        String refusal = refusal(card, japaneseNational, moveOutDate, LocalDate.now(clock.withZone(JAPAN)));
        if (refusal != null) {
            throw new DomainRuleViolation("ABROAD_USE_REFUSED", refusal);
        }
        store.insertEvent(new CardEvent(0, card.id(), EVENT_ENDORSED_ABROAD, card.status(), card.status(),
                Instant.now(clock), actor.id(), "国外継続利用（追記: 国外転出 " + moveOutDate + "）", reference));
    }

    /** The 住民票コード of the card's holder, if the card is known. */
    public java.util.Optional<String> holderOf(String cardNumber) {
        return store.findByNumber(cardNumber).map(Card::holderResidentCode);
    }

    /** Whether the card was endorsed for use abroad. */
    public boolean keptForUseAbroad(Card card) {
        return store.events(card.id()).stream().anyMatch(e -> EVENT_ENDORSED_ABROAD.equals(e.eventType()));
    }

    /** On the move-out date: each card of the holder not kept for use abroad lapses; returns the cards that lapsed. */
    public List<String> lapseOnMoveAbroad(String holderResidentCode, LocalDate movedOutOn, String reference) {
        return store.findByHolder(holderResidentCode).stream()
                .filter(c -> c.status() == CardStatus.ACTIVE || c.status() == CardStatus.SUSPENDED)
                .filter(c -> !keptForUseAbroad(c))
                .filter(c -> lapse(c, movedOutOn, reference))
                .map(Card::number).toList();
    }

    private boolean lapse(Card card, LocalDate movedOutOn, String reference) {
        if (!store.changeStatus(card.id(), card.status(), CardStatus.LAPSED)) {
            return false;
        }
        Instant at = Instant.now(clock);
        String reason = InvalidationReason.MOVED_ABROAD.labelJa() + "（" + movedOutOn + "）";
        store.insertEvent(new CardEvent(0, card.id(), EVENT_LAPSED_ABROAD, card.status(), CardStatus.LAPSED, at,
                actor.id(), reason, reference));
        events.publishEvent(new CardStatusChanged(card.id(), card.number(), card.type(),
                card.managingMunicipalityCode(), card.status(), CardStatus.LAPSED, reason, at));
        return true;
    }
}
