package jp.jukiflow.card;

import java.time.Instant;

/**
 * Published (as a Spring application event, inside the transaction of the change) whenever a card is suspended,
 * its suspension lifted, it is abolished, or it lapses for want of a continuation, so that others can follow: e.g. the certificates on a My Number Card
 * are suspended, released or revoked with it. Listen with {@code @TransactionalEventListener} to act only after the
 * change is committed, or with {@code @EventListener} to act in the same transaction.
 *
 * @param reason a Japanese reason (紛失, 盗難, 発見, 廃止届 …) or the suspension number it belongs to
 */
public record CardStatusChanged(long cardId, String cardNumber, CardType cardType, String managingMunicipalityCode,
                                CardStatus from, CardStatus to, String reason, Instant occurredAt) {
}
