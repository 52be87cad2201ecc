package jp.jukiflow.audit;

import java.time.Instant;

/** One line of the access log of 本人確認情報: who, when, what, whose data, why. */
public record AuditEntry(long id, Instant occurredAt, String actor, String municipalityCode, AuditAction action,
                         String subjectResidentCode, String purpose, String detail) {
}
