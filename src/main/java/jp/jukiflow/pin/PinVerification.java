package jp.jukiflow.pin;

import jp.jukiflow.card.CardPinState;

/**
 * Result of {@link PinVerifier#verify}: the outcome and the state to persist.
 *
 * @param outcome             OK, WRONG or LOCKED
 * @param attemptsLeft        wrong entries still allowed before the lock (0 when locked)
 * @param newState            the state to store (unchanged when the card was already locked)
 * @param lockedByThisAttempt {@code true} only for the wrong entry that caused the lock
 */
public record PinVerification(Outcome outcome, int attemptsLeft, CardPinState newState, boolean lockedByThisAttempt) {

    public enum Outcome { OK, WRONG, LOCKED }

    /** Stable code: {@code PIN_OK}, {@code PIN_WRONG} or {@code PIN_LOCKED}. */
    public String code() {
        return "PIN_" + outcome.name();
    }

    /** Japanese message for the resident. */
    public String messageJa() {
        return switch (outcome) {
            case OK -> "暗証番号を確認しました。";
            case WRONG -> "暗証番号が違います。あと" + attemptsLeft + "回間違えると暗証番号がロックされます。";
            case LOCKED -> lockedByThisAttempt
                    ? "暗証番号を" + PinVerifier.MAX_CONSECUTIVE_FAILURES
                            + "回続けて間違えたため、ロックされました。窓口で暗証番号の再設定を行ってください。"
                    : "暗証番号はロックされています。窓口で暗証番号の再設定を行ってください。";
        };
    }
}
