package jp.jukiflow.card.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.audit.CurrentActor;
import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardEvent;
import jp.jukiflow.card.CardJurisdiction;
import jp.jukiflow.card.CardStatus;
import jp.jukiflow.card.CardStatusChanged;
import jp.jukiflow.card.CardStatusConflict;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Return of a card (返納, docs/domain.md §4) at the counter of its managing municipality, or of the municipality its holder
 * now lives in ({@link CardJurisdiction}: after a special transfer-in, before the continuation): from ACTIVE, SUSPENDED, EXPIRED or
 * LAPSED to RETURNED, with a card event 「返納（理由）」, an audit entry and {@link CardStatusChanged} (the certificates
 * still open on the card are revoked). A card already 廃止 or returned is refused with a {@link CardStatusConflict}.
 * The card row is locked and the status changed with a conditional update, so two clerks returning the same card at
 * once return it once.
 */
@Service
@Transactional
public class CardReturns {

    /** Card event written when a card is returned. */
    public static final String EVENT_RETURNED = "RETURNED";
    public static final int MAX_NOTE_LENGTH = 500;
    /** The statuses a card can be returned from. */
    public static final Set<CardStatus> RETURNABLE = EnumSet.of(CardStatus.ACTIVE, CardStatus.SUSPENDED,
            CardStatus.EXPIRED, CardStatus.LAPSED);
    static final String PURPOSE = "カードの返納";
    static final String PURPOSE_VIEW = "カードの照会";

    private final CardStore store;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CardJurisdiction jurisdiction;

    CardReturns(CardStore store, AuditLog audit, CurrentActor actor, Clock clock,
                ApplicationEventPublisher events, CardJurisdiction jurisdiction) {
        this.jurisdiction = jurisdiction;
        this.store = store;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
        this.events = events;
    }

    /**
     * The card, for an operator of its managing municipality (the read is audited); a card managed elsewhere is not
     * found, exactly like an unknown number.
     */
    public Card card(String cardNumber) {
        Card card = requireVisible(cardNumber, false);
        audit.record(AuditAction.READ, card.managingMunicipalityCode(), card.holderResidentCode(), PURPOSE_VIEW,
                "カード " + card.number());
        return card;
    }

    /**
     * The cards of one resident that the operator's municipality manages, newest first; the search is audited (SEARCH)
     * when it finds any. Cards managed elsewhere are not shown.
     */
    public List<Card> cardsOfResident(String residentCode) {
        List<Card> found = store.findByHolder(residentCode).stream()
                .filter(c -> jurisdiction.operatorMayAct(c, CardJurisdiction.Act.RETURN))
                .sorted(Comparator.comparing(Card::issuedOn).reversed())
                .toList();
        found.stream().map(Card::managingMunicipalityCode).distinct().forEach(code -> audit.record(AuditAction.SEARCH,
                code, residentCode, PURPOSE_VIEW, "住民票コードによるカードの検索"));
        return found;
    }

    /** Whether a card in this status can be returned. */
    public static boolean returnable(CardStatus status) {
        return RETURNABLE.contains(status);
    }

    /**
     * Returns the card (返納) for an operator of its managing municipality.
     *
     * @throws ResourceNotFound    {@code CARD_NOT_FOUND}
     * @throws DomainRuleViolation {@code RETURN_REASON_REQUIRED}, {@code RETURN_NOTE_TOO_LONG}; a
     *                             {@link CardStatusConflict} {@code CARD_ABOLISHED} or {@code CARD_ALREADY_RETURNED}
     */
    public Card returnCard(String cardNumber, ReturnReason reason, String note) {
        if (reason == null) {
            throw new DomainRuleViolation("RETURN_REASON_REQUIRED", "返納の理由を選んでください。");
        }
        String detail = note == null || note.isBlank() ? null : note.strip();
        if (detail != null && detail.length() > MAX_NOTE_LENGTH) {
            throw new DomainRuleViolation("RETURN_NOTE_TOO_LONG", "メモは" + MAX_NOTE_LENGTH + "文字以内で入力してください。");
        }
        Card card = requireVisible(cardNumber, true);
        return returnLocked(card, reason, detail);
    }

    /**
     * Returns a card as a consequence of something else in the same transaction (a My Number Card issued to its
     * holder): no tenant check, the card's municipality need not be the operator's.
     */
    Card returnAsConsequence(Card card, ReturnReason reason, String detail) {
        Card locked = require(card.number(), true);
        return returnLocked(locked, reason, detail);
    }

    private Card returnLocked(Card card, ReturnReason reason, String detail) {
        if (!returnable(card.status()) || !store.changeStatus(card.id(), card.status(), CardStatus.RETURNED)) {
            CardStatus now = store.findById(card.id()).map(Card::status).orElse(card.status());
            throw refusal(now);
        }
        Instant at = Instant.now(clock);
        String reasonJa = "返納（" + reason.labelJa() + "）";
        store.insertEvent(new CardEvent(0, card.id(), EVENT_RETURNED, card.status(), CardStatus.RETURNED, at,
                actor.id(), reasonJa, detail));
        audit.record(AuditAction.UPDATE, card.managingMunicipalityCode(), card.holderResidentCode(), PURPOSE,
                "カード " + card.number() + " の" + reasonJa + "（" + card.status().labelJa() + " → 返納）");
        events.publishEvent(new CardStatusChanged(card.id(), card.number(), card.type(),
                card.managingMunicipalityCode(), card.status(), CardStatus.RETURNED, reasonJa, at));
        return store.findById(card.id()).orElseThrow();
    }

    private Card require(String cardNumber, boolean forUpdate) {
        String number = cardNumber == null ? "" : cardNumber.strip();
        return (forUpdate ? store.findByNumberForUpdate(number) : store.findByNumber(number))
                .orElseThrow(() -> new ResourceNotFound("CARD_NOT_FOUND",
                        "カード番号「" + number + "」のカードは登録されていません。"));
    }

    /**
     * The card if the operator's municipality may act on it ({@link CardJurisdiction}: manages it, or its holder lives
     * there); an unknown number and a card out of reach read alike.
     */
    private Card requireVisible(String cardNumber, boolean forUpdate) {
        String number = cardNumber == null ? "" : cardNumber.strip();
        return (forUpdate ? store.findByNumberForUpdate(number) : store.findByNumber(number))
                .filter(c -> jurisdiction.operatorMayAct(c, CardJurisdiction.Act.RETURN))
                .orElseThrow(() -> new ResourceNotFound("CARD_NOT_FOUND",
                        "カード番号「" + number + "」のカードは、この市区町村で管理するカードにありません。"));
    }

    private static CardStatusConflict refusal(CardStatus now) {
        return switch (now) {
            case ABOLISHED -> new CardStatusConflict("CARD_ABOLISHED",
                    "このカードは既に廃止されています。廃止したカードは返納の手続きの対象になりません。", now);
            case RETURNED -> new CardStatusConflict("CARD_ALREADY_RETURNED", "このカードは既に返納されています。", now);
            default -> new CardStatusConflict("CARD_STATUS_CHANGED",
                    "このカードの状態が変わりました（現在「" + now.labelJa() + "」）。画面を開き直して、もう一度操作してください。", now);
        };
    }
}
