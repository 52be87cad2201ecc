package jp.jukiflow.card;

import java.time.Instant;

/** A change of a card's state (issue, suspension, lock, expiry …), kept for ever. */
public record CardEvent(long id, long cardId, String eventType, CardStatus fromStatus, CardStatus toStatus,
                        Instant occurredAt, String actor, String reason, String detail) {
}
