package jp.jukiflow.cases;

import java.time.Instant;

/** A document kept with a case (copy of a card or ID, a letter). The content is read separately. */
public record CaseDocument(long id, String receiptNumber, String fileName, String contentType, long sizeBytes,
                           Instant receivedAt) {
}
