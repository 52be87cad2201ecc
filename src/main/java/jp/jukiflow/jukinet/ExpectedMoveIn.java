package jp.jukiflow.jukinet;

import java.time.Instant;
import java.time.LocalDate;

/** A move-in the destination expects, from the 転出証明書情報 it received. */
public record ExpectedMoveIn(String receiptNumber, String originCode, String destinationCode,
                             LocalDate plannedMoveOutDate, LocalDate movedOn, MoveOutCertificateInfo certificate,
                             Instant receivedAt, ExpectedMoveInStatus status, Instant statusChangedAt) {
}
