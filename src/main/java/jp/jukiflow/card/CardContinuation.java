package jp.jukiflow.card;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A card brought along on a special transfer-in, and whether it was continued at the destination.
 *
 * @param transferInDate      the 転入届 date
 * @param lastDay             the last day for the continuation: {@code transferInDate} + 90 days, the first day not
 *                            counted, a closed last day moved to the next open day
 * @param transferInReference which transfer-in recorded it (e.g. {@code transfer-in-with-card:<process instance id>})
 */
public record CardContinuation(long id, String cardNumber, String holderResidentCode, String destinationCode,
                               LocalDate transferInDate, LocalDate lastDay, ContinuationStatus status,
                               String transferInReference, Instant createdAt, Instant updatedAt) {

    /** Whether the continuation is still possible on {@code day}. */
    public boolean openOn(LocalDate day) {
        return !day.isAfter(lastDay);
    }
}
