package jp.jukiflow.suspension.internal;

import java.time.Instant;
import java.time.LocalDate;

/** One recorded suspension (a row of card_suspension). */
public record Suspension(String number, String municipalityCode, String cardNumber, long cardId, SuspensionReason reason,
                  String reasonDetail, LocalDate lostOn, String policeReceiptNumber, ReportChannel channel,
                  String officeId, String reporterName, String reporterRelation, String reporterPhone,
                  String reporterEmail, Status status, Instant reportedAt, String reportedBy, Instant confirmedAt,
                  Instant closedAt, String closedBy, String processInstanceId, String idempotencyKey) {

    public enum Status {
        SUSPENDED("一時停止中"), LIFTED("解除済み"), ABOLISHED("廃止");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
