package jp.jukiflow.pin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

import jp.jukiflow.audit.CurrentActor;
import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardNotUsable;
import jp.jukiflow.card.CardUsability;
import jp.jukiflow.card.CardUsabilityCheck;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.internal.PinRequestStore;
import jp.jukiflow.security.TenantAccess;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time PIN requests, so that no process ever sees a PIN: the clerk (or a process step) opens a request for a card
 * and a purpose, the resident keys the PIN on the PIN pad ({@code /staff/pin-pad/{id}}), and the process reads the
 * outcome with {@link #outcome(String)}. A request is open for {@link #VALIDITY}; wrong entries may be retried on it
 * until the card locks; a right entry or a lock ends it.
 */
@Service
public class PinRequests {

    public static final Duration VALIDITY = Duration.ofMinutes(10);

    private static final DateTimeFormatter VALID_UNTIL = DateTimeFormatter.ofPattern("M月d日 H:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));

    /**
     * How long a request (PIN or new PIN) may be answered, as the clerk's task shows it: 「12月8日 10:15 まで」 (Japan
     * time). A process keeps it beside the request's id, so that the clerk knows when to ask again.
     */
    public static String validUntilText(Instant expiresAt) {
        return VALID_UNTIL.format(expiresAt) + " まで";
    }

    /** The PIN pad of a request, as a link on the clerk's task: {@code /staff/pin-pad/{id}}. */
    public static String pinPadPath(String id) {
        return "/staff/pin-pad/" + id;
    }

    private final PinRequestStore store;
    private final PinCheckService pinCheck;
    private final TenantAccess tenants;
    private final CurrentActor actor;
    private final Clock clock;

    PinRequests(PinRequestStore store, PinCheckService pinCheck, TenantAccess tenants, CurrentActor actor, Clock clock) {
        this.store = store;
        this.pinCheck = pinCheck;
        this.tenants = tenants;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * Opens a request at the counter of {@code municipalityCode}; {@code null} means the operator's own municipality
     * (a clerk has exactly one). An unusable card ({@link CardUsability}) is refused with {@link CardNotUsable}: no
     * request, no PIN pad.
     */
    @Transactional
    public PinRequest open(String cardNumber, PinPurpose purpose, String municipalityCode, String reference) {
        if (cardNumber == null || cardNumber.isBlank()) {
            throw new DomainRuleViolation("CARD_NUMBER_REQUIRED", "カード番号を入力してください。");
        }
        if (purpose == null) {
            throw new DomainRuleViolation("PURPOSE_REQUIRED", "暗証番号を確認する目的（手続）を選んでください。");
        }
        if (reference != null && reference.length() > 100) {
            throw new DomainRuleViolation("REFERENCE_TOO_LONG", "関連する案件・タスクは100文字以内で入力してください。");
        }
        String counter = municipalityCode == null || municipalityCode.isBlank() ? ownMunicipality() : municipalityCode;
        pinCheck.requireAskable(cardNumber.strip(), purpose, counter);
        Instant now = Instant.now(clock);
        PinRequest request = new PinRequest(UUID.randomUUID().toString(), cardNumber.strip(), counter, purpose,
                reference, actor.id(), now, now.plus(VALIDITY), null, null, 0, null);
        store.insert(request);
        return request;
    }

    /**
     * For a process whose own check explains an unusable card afterwards (the transfer-in's ordinary route, the
     * continuation's or the copy's refusal): the request when the card is usable, else empty — no request, so no PIN
     * pad, and the process reads {@code NOT_ENTERED}.
     */
    @Transactional
    public Optional<PinRequest> openIfUsable(String cardNumber, PinPurpose purpose, String municipalityCode,
                                             String reference) {
        if (cardNumber != null && !cardNumber.isBlank() && purpose != null
                && !usability(cardNumber.strip(), purpose, municipalityCode).usable()) {
            return Optional.empty();
        }
        return Optional.of(open(cardNumber, purpose, municipalityCode, reference));
    }

    /** Whether the card identifies its holder today for the purpose at this counter ({@link CardUsability}). */
    @Transactional // not read-only: CardJurisdiction audits its look-up of the holder\'s residence
    public CardUsabilityCheck usability(String cardNumber, PinPurpose purpose, String municipalityCode) {
        String counter = municipalityCode == null || municipalityCode.isBlank() ? ownMunicipality() : municipalityCode;
        return pinCheck.usability(cardNumber.strip(), purpose, counter);
    }

    /** The request, for the operator's municipality only. */
    @Transactional(readOnly = true)
    public PinRequest get(String id) {
        PinRequest request = store.find(id).orElseThrow(PinRequests::notFound);
        tenants.check(request.municipalityCode());
        return request;
    }

    /** What a process may know: OK / WRONG (attempts left) / LOCKED, PENDING or EXPIRED; empty for an unknown id. */
    @Transactional(readOnly = true)
    public Optional<PinRequestStatus> outcome(String id) {
        Optional<PinRequest> request = store.find(id);
        request.ifPresent(r -> tenants.check(r.municipalityCode()));
        return request.map(r -> PinRequestStatus.of(r, Instant.now(clock)));
    }

    /**
     * The outcome as a process variable reads it after the clerk's 「暗証番号の確認」: {@code OK}, {@code WRONG},
     * {@code LOCKED}, or {@code NOT_ENTERED} for a request still pending, expired or unknown.
     */
    @Transactional(readOnly = true)
    public String resultForProcess(String id) {
        if (id == null) {
            return "NOT_ENTERED";
        }
        return outcome(id).map(s -> switch (s.state()) {
            case OK -> "OK";
            case WRONG -> "WRONG";
            case LOCKED -> "LOCKED";
            default -> "NOT_ENTERED";
        }).orElse("NOT_ENTERED");
    }

    /**
     * Whether the request's card identifies its holder today ({@link CardUsability}): the PIN pad shows the reason
     * and the alternative instead of the keypad when it does not.
     */
    @Transactional // not read-only: CardJurisdiction audits its look-up of the holder\'s residence
    public CardUsabilityCheck usability(String id) {
        PinRequest request = get(id);
        return pinCheck.usability(request.cardNumber(), request.purpose(), request.municipalityCode());
    }

    /** Wrong entries the card still allows now (0 when locked): shown on the PIN pad. */
    @Transactional // not read-only: CardJurisdiction audits its look-up of the holder\'s residence
    public int attemptsLeftNow(String id) {
        PinRequest request = get(id);
        Card card = pinCheck.requireAskable(request.cardNumber(), request.purpose(), request.municipalityCode());
        return card.pin().locked() ? 0
                : Math.max(0, PinVerifier.MAX_CONSECUTIVE_FAILURES - card.pin().consecutiveFailures());
    }

    /**
     * Checks the PIN keyed on the PIN pad for this request and records the outcome on the request and the card.
     *
     * @throws DomainRuleViolation {@code PIN_REQUEST_EXPIRED}, {@code PIN_REQUEST_COMPLETED} or {@code PIN_FORMAT}
     *                             (nothing counted)
     */
    @Transactional
    public PinCheckResult submit(String id, String pin) {
        PinRequest request = store.findForUpdate(id).orElseThrow(PinRequests::notFound);
        tenants.check(request.municipalityCode());
        Instant now = Instant.now(clock);
        if (request.completed()) {
            throw new DomainRuleViolation("PIN_REQUEST_COMPLETED",
                    "この暗証番号の入力は終わっています。職員にお知らせください。");
        }
        if (request.expired(now)) {
            throw new DomainRuleViolation("PIN_REQUEST_EXPIRED",
                    "入力の受付時間（" + VALIDITY.toMinutes() + "分）を過ぎました。職員にお知らせください。");
        }
        PinCheckResult result = pinCheck.verify(request.cardNumber(), pin, request.purpose(), request.municipalityCode());
        boolean ends = result.outcome() != PinVerification.Outcome.WRONG;
        store.recordOutcome(id, result.outcome(), result.attemptsLeft(), ends ? now : null);
        return result;
    }

    private String ownMunicipality() {
        TenantAccess.Scope scope = tenants.current();
        if (!scope.everything() && scope.tenantIds().size() == 1) {
            return scope.tenantIds().iterator().next();
        }
        throw new DomainRuleViolation("MUNICIPALITY_REQUIRED", "どの市区町村の窓口での確認かを指定してください。");
    }

    private static ResourceNotFound notFound() {
        return new ResourceNotFound("PIN_REQUEST_NOT_FOUND", "この暗証番号の入力依頼は見つかりません。");
    }
}
