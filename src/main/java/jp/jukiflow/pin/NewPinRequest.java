package jp.jukiflow.pin;

import java.time.Instant;

import jp.jukiflow.card.PinPurpose;

/**
 * A one-time request for a NEW PIN at a counter (the PIN pad in its "new PIN" mode): the resident keys the new PIN
 * twice, and once it is accepted the card's PIN is replaced and unlocked. It never holds a PIN.
 *
 * @param id               random UUID, the only handle a process keeps
 * @param municipalityCode the counter (tenant) that asked; for {@link PinPurpose#PIN_RESET} the card's managing one
 * @param reference        process instance or task the request belongs to, or {@code null}
 * @param attempts         entries made on this request (refused ones and the accepted one)
 * @param setAt            when the new PIN was set, else {@code null}
 */
public record NewPinRequest(String id, String cardNumber, String municipalityCode, PinPurpose purpose,
                            String reference, String createdBy, Instant createdAt, Instant expiresAt, int attempts,
                            Instant setAt) {

    /** Where the request stands for a process: the process reads only SET or NOT_SET. */
    public enum State {
        /** Nothing accepted yet; the resident may still key a new PIN. */
        PENDING,
        /** The new PIN was set. */
        SET,
        /** Ten minutes passed without a new PIN. */
        EXPIRED
    }

    public boolean completed() {
        return setAt != null;
    }

    public boolean expired(Instant now) {
        return !completed() && !now.isBefore(expiresAt);
    }

    public State state(Instant now) {
        if (completed()) {
            return State.SET;
        }
        return expired(now) ? State.EXPIRED : State.PENDING;
    }
}
