package jp.jukiflow.card;

import java.time.LocalDate;

/**
 * Result of {@link CardValidity#validity(CardFacts, LocalDate)}.
 *
 * @param valid      whether the card is valid on the checked date
 * @param code       stable code: {@code CARD_VALID}, {@code CARD_NOT_YET_ISSUED}, {@code CARD_SUSPENDED},
 *                   {@code CARD_ABOLISHED}, {@code CARD_EXPIRED}, {@code CARD_LAPSED}, {@code CARD_RETURNED},
 *                   {@code CARD_INVALIDATED}, {@code CARD_STAY_PERIOD_ENDED}
 * @param reasonJa   Japanese explanation shown to staff and residents
 * @param validUntil last valid day by the validity period (including a period-of-stay cap)
 * @param invalidationReason the early invalidation reason, if one applies, else {@code null}
 */
public record CardValidityCheck(
        boolean valid, String code, String reasonJa, LocalDate validUntil, InvalidationReason invalidationReason) {
}
