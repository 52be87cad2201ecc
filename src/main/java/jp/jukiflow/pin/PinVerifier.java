package jp.jukiflow.pin;

import java.time.LocalDate;
import java.util.Objects;

import jp.jukiflow.card.CardPinState;
import jp.jukiflow.shared.DigitInput;
import jp.jukiflow.shared.DomainRuleViolation;

/**
 * Verifies an entered PIN against the stored state and applies the lockout: three consecutive wrong entries
 * lock the PIN; a correct entry resets the count; a locked PIN refuses even the correct PIN until
 * {@link #setNewPin} (the PIN reset at the counter).
 *
 * <p>Entries that are not four ASCII digits are rejected with {@code PIN_FORMAT} without counting as a wrong
 * attempt (they cannot be a PIN, so they reveal nothing). Nothing is logged.
 */
public final class PinVerifier {

    public static final int MAX_CONSECUTIVE_FAILURES = 3;

    private final PinHasher hasher;
    private final PinPolicy policy;

    public PinVerifier(PinHasher hasher, PinPolicy policy) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Checks {@code enteredPin}; returns the outcome and the new state to persist. */
    public PinVerification verify(CardPinState state, String enteredPin) {
        Objects.requireNonNull(state, "state");
        if (state.locked() || state.consecutiveFailures() >= MAX_CONSECUTIVE_FAILURES) {
            return new PinVerification(PinVerification.Outcome.LOCKED, 0, state, false);
        }
        if (enteredPin == null || enteredPin.length() != PinPolicy.LENGTH || !DigitInput.isAsciiDigits(enteredPin)) {
            throw new DomainRuleViolation("PIN_FORMAT", "暗証番号は半角数字4桁で入力してください。");
        }
        if (hasher.matches(enteredPin, state.pinHash())) {
            return new PinVerification(PinVerification.Outcome.OK, MAX_CONSECUTIVE_FAILURES,
                    new CardPinState(state.pinHash(), 0, false), false);
        }
        int failures = state.consecutiveFailures() + 1;
        if (failures >= MAX_CONSECUTIVE_FAILURES) {
            return new PinVerification(PinVerification.Outcome.LOCKED, 0,
                    new CardPinState(state.pinHash(), failures, true), true);
        }
        return new PinVerification(PinVerification.Outcome.WRONG, MAX_CONSECUTIVE_FAILURES - failures,
                new CardPinState(state.pinHash(), failures, false), false);
    }

    /**
     * Sets a new PIN (initial setting or reset): applies the {@link PinPolicy}, hashes the PIN, unlocks and
     * resets the failure count.
     *
     * @throws DomainRuleViolation with the policy's code if the PIN is refused
     */
    public CardPinState setNewPin(String newPin, LocalDate holderBirthDate) {
        policy.requireAcceptable(newPin, holderBirthDate);
        return CardPinState.fresh(hasher.hash(newPin));
    }

    @Override
    public String toString() {
        return "PinVerifier[maxConsecutiveFailures=" + MAX_CONSECUTIVE_FAILURES + "]";
    }
}
