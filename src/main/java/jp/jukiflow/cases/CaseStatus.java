package jp.jukiflow.cases;

import java.time.Instant;
import java.time.LocalDate;

/** Where a resident's case stands, as the resident may see it. */
public record CaseStatus(String receiptNumber, String municipalityCode, String procedure, String channel,
                         LocalDate filerBirthDate, String statusCode, Instant createdAt, Instant updatedAt) {
}
