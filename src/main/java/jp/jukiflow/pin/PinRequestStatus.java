package jp.jukiflow.pin;

import java.time.Instant;

import jp.jukiflow.card.PinPurpose;

/**
 * All a process learns of a PIN request: OK / WRONG (attempts left) / LOCKED, or still PENDING or EXPIRED.
 *
 * @param attemptsLeft wrong entries still allowed, {@code null} while nothing was entered
 */
public record PinRequestStatus(String id, PinRequest.State state, Integer attemptsLeft, PinPurpose purpose,
                               String reference, Instant expiresAt, Instant completedAt) {

    static PinRequestStatus of(PinRequest r, Instant now) {
        PinRequest.State state = r.state(now);
        Integer left = state == PinRequest.State.LOCKED ? Integer.valueOf(0) : r.attemptsLeft();
        return new PinRequestStatus(r.id(), state, left, r.purpose(), r.reference(), r.expiresAt(), r.completedAt());
    }
}
