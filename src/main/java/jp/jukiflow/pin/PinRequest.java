package jp.jukiflow.pin;

import java.time.Instant;

import jp.jukiflow.card.PinPurpose;

/**
 * A one-time request for the resident's PIN at a counter, as a process or the clerk's screen sees it: the card, the
 * purpose and the outcome so far. It never holds the PIN.
 *
 * @param id               random UUID, the only handle a process keeps
 * @param municipalityCode the counter (tenant) that asked
 * @param reference        process instance or task the request belongs to, or {@code null}
 * @param outcome          the last entry's outcome, {@code null} while nothing was entered
 * @param attemptsLeft     wrong entries still allowed after the last entry, {@code null} while nothing was entered
 * @param attempts         entries made on this request
 * @param completedAt      when the request ended (OK or LOCKED), else {@code null}
 */
public record PinRequest(String id, String cardNumber, String municipalityCode, PinPurpose purpose, String reference,
                         String createdBy, Instant createdAt, Instant expiresAt, PinVerification.Outcome outcome,
                         Integer attemptsLeft, int attempts, Instant completedAt) {

    /** Where the request stands for a process. */
    public enum State {
        /** Nothing entered yet. */
        PENDING,
        /** The PIN was right. */
        OK,
        /** The last entry was wrong; the resident may try again while the request is open. */
        WRONG,
        /** The card's PIN is locked (by this request or before). */
        LOCKED,
        /** Ten minutes passed without a right entry or a lock. */
        EXPIRED
    }

    public boolean completed() {
        return completedAt != null;
    }

    public boolean expired(Instant now) {
        return !completed() && !now.isBefore(expiresAt);
    }

    public State state(Instant now) {
        if (outcome == PinVerification.Outcome.OK) {
            return State.OK;
        }
        if (outcome == PinVerification.Outcome.LOCKED) {
            return State.LOCKED;
        }
        if (expired(now)) {
            return State.EXPIRED;
        }
        return outcome == null ? State.PENDING : State.WRONG;
    }
}
