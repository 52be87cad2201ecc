package jp.jukiflow.pin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.audit.CurrentActor;
import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardJurisdiction;
import jp.jukiflow.card.CardPinState;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardUsability;
import jp.jukiflow.card.CardUsabilityCheck;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.internal.NewPinRequestStore;
import jp.jukiflow.register.Resident;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.security.TenantAccess;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time requests for a NEW PIN (the PIN pad's "new PIN" mode, {@code /staff/new-pin-pad/{id}}), so that no process
 * ever sees a PIN: a process step opens a request for a card, the resident keys the new PIN twice, and the process
 * reads only whether it was set ({@link #outcome(String)}). A mismatch or a value the {@link PinPolicy} refuses is
 * reported with its Japanese reason and may be retried while the request is open ({@link PinRequests#VALIDITY}).
 * Once accepted, in one transaction: the card's PIN hash is replaced ({@link PinHasher}, new salt), the failure count
 * set to 0, the lock lifted, the card event {@link #EVENT_PIN_RESET} ({@link #EVENT_PIN_CHANGED} for a change) written (without the PIN) and the request closed.
 */
@Service
public class NewPinRequests {

    /** Card event written when a new PIN was set at the counter. */
    public static final String EVENT_PIN_RESET = "PIN_RESET";
    /** Card event written when the holder changed the PIN at the counter (after keying the current one). */
    public static final String EVENT_PIN_CHANGED = "PIN_CHANGED";

    private final NewPinRequestStore store;
    private final CardRegistry cards;
    private final PinCheckService pinCheck;
    private final PinPolicy policy;
    private final PinVerifier verifier;
    private final ResidentRegister register;
    private final TenantAccess tenants;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final Clock clock;

    NewPinRequests(NewPinRequestStore store, CardRegistry cards, PinCheckService pinCheck, PinPolicy policy,
                   PinVerifier verifier, ResidentRegister register, TenantAccess tenants, AuditLog audit,
                   CurrentActor actor, Clock clock) {
        this.store = store;
        this.cards = cards;
        this.pinCheck = pinCheck;
        this.policy = policy;
        this.verifier = verifier;
        this.register = register;
        this.tenants = tenants;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

    /** The PIN pad's "new PIN" mode for a request, as a link on the clerk's task: {@code /staff/new-pin-pad/{id}}. */
    public static String newPinPadPath(String id) {
        return "/staff/new-pin-pad/" + id;
    }

    /**
     * Opens a request at the counter of {@code municipalityCode}, which must be one {@link CardJurisdiction} lets
     * reset the PIN (the managing municipality or the holder's new one); the card must be usable
     * ({@link CardUsability}: a locked PIN is no obstacle, a suspended, expired, 廃止, 返納 or 失効 card is).
     */
    @Transactional
    public NewPinRequest open(String cardNumber, PinPurpose purpose, String municipalityCode, String reference) {
        if (cardNumber == null || cardNumber.isBlank()) {
            throw new DomainRuleViolation("CARD_NUMBER_REQUIRED", "カード番号を入力してください。");
        }
        if (purpose != PinPurpose.PIN_RESET && purpose != PinPurpose.PIN_CHANGE) {
            throw new DomainRuleViolation("PURPOSE_REQUIRED", "新しい暗証番号を設定する目的（手続）を選んでください。");
        }
        if (reference != null && reference.length() > 100) {
            throw new DomainRuleViolation("REFERENCE_TOO_LONG", "関連する案件・タスクは100文字以内で入力してください。");
        }
        pinCheck.requireAskable(cardNumber.strip(), purpose, municipalityCode);
        Instant now = Instant.now(clock);
        NewPinRequest request = new NewPinRequest(UUID.randomUUID().toString(), cardNumber.strip(), municipalityCode,
                purpose, reference, actor.id(), now, now.plus(PinRequests.VALIDITY), 0, null);
        store.insert(request);
        return request;
    }

    /** The request, for the operator's municipality only. */
    @Transactional(readOnly = true)
    public NewPinRequest get(String id) {
        NewPinRequest request = store.find(id).orElseThrow(NewPinRequests::notFound);
        tenants.check(request.municipalityCode());
        return request;
    }

    /** What a process may know: SET, PENDING or EXPIRED; empty for an unknown id. */
    @Transactional(readOnly = true)
    public Optional<NewPinRequest.State> outcome(String id) {
        Optional<NewPinRequest> request = id == null ? Optional.empty() : store.find(id);
        request.ifPresent(r -> tenants.check(r.municipalityCode()));
        return request.map(r -> r.state(Instant.now(clock)));
    }

    /** Whether the request's card may still get a new PIN today: the pad refuses before any digit otherwise. */
    @Transactional // not read-only: CardJurisdiction audits its look-up of the holder\'s residence
    public CardUsabilityCheck usability(String id) {
        NewPinRequest request = get(id);
        return pinCheck.usability(request.cardNumber(), request.purpose(), request.municipalityCode());
    }

    /** The rules for a new PIN as shown to the resident. */
    public String ruleText() {
        return policy.ruleText();
    }

    /**
     * Sets the new PIN keyed twice on the PIN pad, or says why not.
     *
     * @throws DomainRuleViolation {@code PIN_REQUEST_EXPIRED} or {@code PIN_REQUEST_COMPLETED} (nothing changed)
     */
    @Transactional
    public NewPinResult submit(String id, String pin, String confirmation) {
        NewPinRequest request = store.findForUpdate(id).orElseThrow(NewPinRequests::notFound);
        tenants.check(request.municipalityCode());
        Instant now = Instant.now(clock);
        if (request.completed()) {
            throw new DomainRuleViolation("PIN_REQUEST_COMPLETED",
                    "新しい暗証番号は設定済みです。職員にお知らせください。");
        }
        if (request.expired(now)) {
            throw new DomainRuleViolation("PIN_REQUEST_EXPIRED",
                    "入力の受付時間（" + PinRequests.VALIDITY.toMinutes() + "分）を過ぎました。職員にお知らせください。");
        }
        Card card = cards.findForUpdate(request.cardNumber()).orElseThrow(NewPinRequests::notFound);
        pinCheck.requireAskable(card.number(), request.purpose(), request.municipalityCode());
        LocalDate birthDate = holderBirthDate(card);
        PinCheck check = policy.check(pin, birthDate);
        if (!check.accepted()) {
            store.countAttempt(id, null);
            return NewPinResult.refused(check);
        }
        if (!pin.equals(confirmation)) {
            store.countAttempt(id, null);
            return NewPinResult.mismatch();
        }
        CardPinState fresh = verifier.setNewPin(pin, birthDate);
        cards.replacePin(card.id(), fresh);
        String suffix = request.reference() == null ? "" : "。" + request.reference();
        if (request.purpose() == PinPurpose.PIN_CHANGE) {
            cards.recordEvent(card, EVENT_PIN_CHANGED, now, "暗証番号の変更", "誤入力回数を0に" + suffix);
        } else {
            cards.recordEvent(card, EVENT_PIN_RESET, now, "暗証番号の再設定（" + request.purpose().label() + "）",
                    "ロック解除、誤入力回数を0に" + (card.pin().locked() ? "（ロック中だった）" : "") + suffix);
        }
        store.countAttempt(id, now);
        audit.record(AuditAction.UPDATE, request.municipalityCode(), card.holderResidentCode(),
                request.purpose().label(), request.purpose() == PinPurpose.PIN_CHANGE
                        ? "カード " + card.number() + " の暗証番号を変更"
                        : "カード " + card.number() + " の暗証番号を再設定し、ロックを解除");
        return NewPinResult.done();
    }

    private LocalDate holderBirthDate(Card card) {
        return register.find(ResidentCode.of(card.holderResidentCode()), "暗証番号の再設定（生年月日による推測の確認）")
                .map(Resident::birthDate).orElse(null);
    }

    private static ResourceNotFound notFound() {
        return new ResourceNotFound("PIN_REQUEST_NOT_FOUND", "この暗証番号の設定依頼は見つかりません。");
    }
}
