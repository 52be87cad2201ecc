package jp.jukiflow.card;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.audit.CurrentActor;
import jp.jukiflow.card.internal.CardContinuationStore;
import jp.jukiflow.card.internal.CardStore;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.security.TenantAccess;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Continuation of a card after a special transfer-in (継続利用, docs/domain.md §3): the transfer-in records the card as
 * PENDING with its last day (転入届 date + {@value #CONTINUATION_DAYS} days, 初日不算入, a closed last day moved to the
 * next open day); the destination continues it ({@link #continueCard}) or a daily job lapses it ({@link #lapseOverdue}).
 * Every change of a card writes a card event with the acting operator and an audit log entry.
 */
@Service
public class CardContinuations {

    public static final int CONTINUATION_DAYS = 90;
    /** Card event written when the destination continues the card. */
    public static final String EVENT_CONTINUED = "CONTINUED";
    /** Card event written when the card lapses for want of a continuation. */
    public static final String EVENT_LAPSED = CardLapse.EVENT_LAPSED;
    public static final String LAPSE_REASON = "転入届から90日以内に継続利用の手続きがなかったため失効";
    public static final String MOVED_AGAIN_REASON = "継続利用の手続きの前に再び転出したため失効";
    static final String PURPOSE = "カードの継続利用";

    private final CardContinuationStore store;
    private final CardStore cards;
    private final BusinessCalendar calendar;
    private final TenantAccess tenants;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final CardLapse lapse;
    private final CardSpecialMoveOuts specialMoveOuts;

    CardContinuations(CardContinuationStore store, CardStore cards, BusinessCalendar calendar, TenantAccess tenants,
                      AuditLog audit, CurrentActor actor, Clock clock, PlatformTransactionManager transactionManager,
                      CardLapse lapse, CardSpecialMoveOuts specialMoveOuts) {
        this.lapse = lapse;
        this.specialMoveOuts = specialMoveOuts;
        this.store = store;
        this.cards = cards;
        this.calendar = calendar;
        this.tenants = tenants;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
    }

    /** The last day for continuing a card whose holder filed the 転入届 on {@code transferInDate}. */
    public static LocalDate lastDay(BusinessCalendar calendar, LocalDate transferInDate) {
        return calendar.deadline(transferInDate, CONTINUATION_DAYS);
    }

    /**
     * Records that the card came along on a special transfer-in into {@code destinationCode} and now awaits its
     * continuation there. Idempotent per card and transfer-in; empty when no such card is registered.
     */
    @Transactional
    public Optional<CardContinuation> recordPending(String cardNumber, String destinationCode, LocalDate transferInDate,
                                                    String transferInReference) {
        if (cardNumber == null || cardNumber.isBlank()) {
            return Optional.empty();
        }
        Optional<Card> card = cards.findByNumber(cardNumber.strip());
        if (card.isEmpty()) {
            return Optional.empty();
        }
        specialMoveOuts.transferredIn(card.get().number());
        Optional<CardContinuation> existing = store.find(card.get().number(), transferInReference);
        if (existing.isPresent()) {
            return existing;
        }
        store.insert(card.get().number(), card.get().holderResidentCode(), destinationCode, transferInDate,
                lastDay(calendar, transferInDate), transferInReference, Instant.now(clock));
        return store.find(card.get().number(), transferInReference);
    }

    /** The newest record of the card still waiting for its continuation. */
    @Transactional(readOnly = true)
    public Optional<CardContinuation> pending(String cardNumber) {
        return cardNumber == null ? Optional.empty() : store.findPending(cardNumber.strip());
    }

    /** Every record of the card, oldest first. */
    @Transactional(readOnly = true)
    public List<CardContinuation> history(String cardNumber) {
        return store.ofCard(cardNumber);
    }

    /**
     * Continues the card at {@code destinationCode}: the new address is written in the 追記欄 (one free line used),
     * the destination becomes the managing municipality, the card stays ACTIVE, a {@value #EVENT_CONTINUED} card event
     * is written and the PENDING record becomes CONTINUED — all in one transaction.
     *
     * @throws ResourceNotFound    {@code CARD_NOT_FOUND}
     * @throws DomainRuleViolation {@code NEW_ADDRESS_REQUIRED}, {@code CONTINUATION_NOT_PENDING},
     *                             {@code CONTINUATION_PERIOD_OVER}, {@link CardNotUsable} ({@code CARD_SUSPENDED}, …),
     *                             {@code NO_FREE_ENDORSEMENT_LINE}
     */
    @Transactional
    public Card continueCard(String cardNumber, String destinationCode, String newAddress) {
        tenants.check(destinationCode);
        if (newAddress == null || newAddress.isBlank()) {
            throw new DomainRuleViolation("NEW_ADDRESS_REQUIRED", "追記欄に記載する新しい住所を入力してください。");
        }
        String number = cardNumber == null ? "" : cardNumber.strip();
        Card card = cards.findByNumberForUpdate(number).orElseThrow(() -> new ResourceNotFound("CARD_NOT_FOUND",
                "カード番号「" + number + "」のカードは登録されていません。"));
        CardContinuation pending = store.findPending(number).filter(p -> p.destinationCode().equals(destinationCode))
                .orElseThrow(() -> new DomainRuleViolation("CONTINUATION_NOT_PENDING",
                        "このカードには、継続利用を待っている特例転入の記録がありません。"));
        if (!pending.openOn(calendar.today())) {
            throw new DomainRuleViolation("CONTINUATION_PERIOD_OVER", "転入届の日から90日（期限 "
                    + pending.lastDay() + "）を過ぎたため、継続利用できません。");
        }
        CardUsability.requireUsable(card, PinPurpose.CARD_CONTINUATION, calendar.today());
        if (card.freeEndorsementLines() <= 0 || !store.endorse(card.id(), destinationCode)) {
            throw new DomainRuleViolation("NO_FREE_ENDORSEMENT_LINE",
                    "カードの追記欄に空きがないため、継続利用の記載ができません。");
        }
        Instant now = Instant.now(clock);
        if (!store.close(pending.id(), ContinuationStatus.CONTINUED, now)) {
            throw new org.springframework.dao.OptimisticLockingFailureException("continuation " + pending.id() + " closed");
        }
        String address = newAddress.strip();
        cards.insertEvent(new CardEvent(0, card.id(), EVENT_CONTINUED, card.status(), card.status(), now, actor.id(),
                "継続利用（管理市区町村 " + card.managingMunicipalityCode() + " → " + destinationCode + "）",
                "追記欄への記載: " + address));
        audit.record(AuditAction.UPDATE, destinationCode, card.holderResidentCode(), PURPOSE,
                "カード " + card.number() + " の継続利用: 追記欄に新住所を記載、管理市区町村を "
                        + card.managingMunicipalityCode() + " から " + destinationCode + " へ変更");
        return cards.findByNumber(number).orElseThrow();
    }

    /**
     * A transfer-out of the holder was filed (accepted) before the card was continued: the card lapses (docs/domain.md §3),
     * by the daily job ({@link #lapseOverdue}). Marks every PENDING record of the holder with the transfer-out's
     * receipt number; how many it marked.
     */
    @Transactional
    public int movedAgain(String residentCode, String transferOutReference) {
        return store.markMovedAgain(residentCode, transferOutReference, Instant.now(clock));
    }

    /** The transfer-out was cancelled (転出取消) before the job ran: its marks are taken back. */
    @Transactional
    public int moveAgainCancelled(String transferOutReference) {
        return store.unmarkMovedAgain(transferOutReference, Instant.now(clock));
    }

    /**
     * The daily job: every PENDING record whose last day is before today, or whose holder filed another transfer-out
     * before continuing ({@link #movedAgain}), lapses — the card becomes LAPSED (失効) with a {@value #EVENT_LAPSED}
     * card event ({@link CardLapse}), the record LAPSED. Each record in its own transaction, the card row locked and
     * the record closed with a conditional update, so running it twice, or on two nodes at once, lapses each card once.
     * A card already abolished, returned or expired keeps its status; its record still closes.
     *
     * @return how many records this call closed
     */
    public int lapseOverdue() {
        int closed = 0;
        for (CardContinuation overdue : store.overdue(calendar.today())) {
            String detail = "転入届 " + overdue.transferInDate() + "、継続利用の期限 " + overdue.lastDay() + "、転入先 "
                    + overdue.destinationCode();
            if (Boolean.TRUE.equals(ownTransaction.execute(tx -> lapse(overdue, LAPSE_REASON, detail)))) {
                closed++;
            }
        }
        for (CardContinuation movedAgain : store.movedAgain()) {
            String detail = "転入届 " + movedAgain.transferInDate() + "、転入先 " + movedAgain.destinationCode()
                    + "、転出の受付番号 " + store.movedAgainReference(movedAgain.id()).orElse("");
            if (Boolean.TRUE.equals(ownTransaction.execute(tx -> lapse(movedAgain, MOVED_AGAIN_REASON, detail)))) {
                closed++;
            }
        }
        return closed;
    }

    private boolean lapse(CardContinuation record, String reason, String detail) {
        Optional<Card> card = cards.findByNumberForUpdate(record.cardNumber());
        if (!store.close(record.id(), ContinuationStatus.LAPSED, Instant.now(clock))) {
            return false;
        }
        card.ifPresent(c -> lapse.lapse(c, reason, detail, PURPOSE));
        return true;
    }
}
