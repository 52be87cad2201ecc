package jp.jukiflow.pin;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardJurisdiction;
import jp.jukiflow.card.CardNotUsable;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardUsability;
import jp.jukiflow.card.CardUsabilityCheck;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.security.TenantAccess;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a PIN keyed by the resident against a card and records the attempt on the card, for every process alike:
 * three consecutive wrong entries lock the card, a correct entry resets the count. The card row is locked for the
 * check ({@code select … for update}) and written with a version check, so two parallel entries are counted one
 * after the other. The PIN is neither stored, logged nor audited; callers receive only {@link PinCheckResult}.
 */
@Service
public class PinCheckService {

    /** Card event written when wrong entries lock the PIN. */
    public static final String EVENT_PIN_LOCKED = "PIN_LOCKED";

    private final CardRegistry cards;
    private final PinVerifier verifier;
    private final TenantAccess tenants;
    private final AuditLog audit;
    private final Clock clock;
    private final CardJurisdiction jurisdiction;
    private final BusinessCalendar calendar;

    PinCheckService(CardRegistry cards, PinVerifier verifier, TenantAccess tenants, AuditLog audit, Clock clock,
                    CardJurisdiction jurisdiction, BusinessCalendar calendar) {
        this.jurisdiction = jurisdiction;
        this.calendar = calendar;
        this.cards = cards;
        this.verifier = verifier;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Verifies {@code pin} for the card, at the counter of {@code counterMunicipalityCode}.
     *
     * @throws ResourceNotFound       {@code CARD_NOT_FOUND} for an unknown card number
     * @throws AccessDeniedException  when the operator may not act for that counter, or that counter may not ask
     *                                for this purpose ({@link CardJurisdiction})
     * @throws CardNotUsable          when the card does not identify its holder today ({@link CardUsability}; not
     *                                counted)
     * @throws DomainRuleViolation    {@code PIN_FORMAT} when the entry is not 4 digits (not counted)
     */
    @Transactional
    public PinCheckResult verify(String cardNumber, String pin, PinPurpose purpose, String counterMunicipalityCode) {
        Objects.requireNonNull(purpose, "purpose");
        tenants.check(counterMunicipalityCode);
        Card card = cards.findForUpdate(cardNumber).orElseThrow(() -> unknownCard(cardNumber));
        requireCounterMayAsk(card, purpose, counterMunicipalityCode);
        CardUsability.requireUsable(card, purpose, calendar.today());
        PinVerification verification = verifier.verify(card.pin(), pin);
        if (!verification.newState().equals(card.pin())) {
            cards.storePinState(card.id(), verification.newState());
        }
        Instant now = Instant.now(clock);
        if (verification.lockedByThisAttempt()) {
            cards.recordEvent(card, EVENT_PIN_LOCKED, now,
                    "暗証番号を" + PinVerifier.MAX_CONSECUTIVE_FAILURES + "回続けて誤ったため", "目的: " + purpose.label());
        }
        audit.record(AuditAction.READ, counterMunicipalityCode, card.holderResidentCode(),
                "暗証番号の照合（" + purpose.label() + "）",
                "カード " + card.number() + " の暗証番号照合: " + verification.outcome() + "、残り" + verification.attemptsLeft() + "回");
        return new PinCheckResult(verification.outcome(), verification.attemptsLeft());
    }

    /**
     * Checks, without an attempt, that the card exists, may be asked for at this counter and is usable today.
     *
     * @throws CardNotUsable the card does not identify its holder ({@link CardUsability})
     */
    @Transactional // not read-only: CardJurisdiction audits its look-up of the holder\'s residence
    public Card requireAskable(String cardNumber, PinPurpose purpose, String counterMunicipalityCode) {
        Card card = requireCounterMayAsk(cardNumber, purpose, counterMunicipalityCode);
        CardUsability.requireUsable(card, purpose, calendar.today());
        return card;
    }

    /** Whether the card identifies its holder today for the purpose, after the same counter checks. */
    @Transactional // not read-only: CardJurisdiction audits its look-up of the holder\'s residence
    public CardUsabilityCheck usability(String cardNumber, PinPurpose purpose, String counterMunicipalityCode) {
        Card card = requireCounterMayAsk(cardNumber, purpose, counterMunicipalityCode);
        return CardUsability.check(card, purpose, calendar.today());
    }

    private Card requireCounterMayAsk(String cardNumber, PinPurpose purpose, String counterMunicipalityCode) {
        tenants.check(counterMunicipalityCode);
        Card card = cards.find(cardNumber).orElseThrow(() -> unknownCard(cardNumber));
        requireCounterMayAsk(card, purpose, counterMunicipalityCode);
        return card;
    }

    private void requireCounterMayAsk(Card card, PinPurpose purpose, String counterMunicipalityCode) {
        if (!jurisdiction.mayAct(card, CardJurisdiction.act(purpose), counterMunicipalityCode)) {
            throw new AccessDeniedException("このカードは他の市区町村（" + card.managingMunicipalityCode()
                    + "）が管理しています。「" + purpose.label() + "」の暗証番号照合はできません。");
        }
    }

    private static ResourceNotFound unknownCard(String cardNumber) {
        return new ResourceNotFound("CARD_NOT_FOUND", "カード番号 " + cardNumber + " のカードは登録されていません。"
                + "カードの券面の番号を確認してください。");
    }
}
