package jp.jukiflow.intake.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The table {@code intake_mail}: every mail read from an intake mailbox, raw, with what became of it. */
@Repository
public class IntakeMailStore {

    /** Nothing decided yet: read again, the mail is processed again (its Message-ID keeps it to one case). */
    public static final String RECEIVED = "RECEIVED";
    public static final String CASE_STARTED = "CASE_STARTED";
    /** A resident's answer, delivered to the case (receipt_number) that waited for it. */
    public static final String ANSWER_TO_CASE = "ANSWER_TO_CASE";
    public static final String REVIEW = "REVIEW";
    public static final String ANSWERED = "ANSWERED";
    public static final String DISMISSED = "DISMISSED";

    private final JdbcClient jdbc;
    private final TransactionTemplate newTransaction;

    IntakeMailStore(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A stored mail, without its raw bytes. */
    public record Row(long id, String municipalityCode, String messageId, String fromAddress, String subject,
                      Instant receivedAt, String status, String receiptNumber, String reviewProcessId, int attempts) {

        public boolean decided() {
            return !RECEIVED.equals(status);
        }
    }

    /**
     * Records the mail in a transaction of its own, so that a failure later leaves it recorded; a mail with that
     * Message-ID already there (read before, or by another node at this moment) keeps its row.
     */
    public Row recordIfAbsent(String municipalityCode, String messageId, String fromAddress, String subject,
                              Instant receivedAt, Instant readAt, byte[] raw) {
        Optional<Row> existing = find(municipalityCode, messageId);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            newTransaction.executeWithoutResult(status -> jdbc.sql("""
                            insert into intake_mail (municipality_code, message_id, from_address, subject, received_at,
                                                     read_at, size_bytes, raw_mime, status, attempts, updated_at)
                            values (:code, :messageId, :from, :subject, :receivedAt, :readAt, :size, :raw, :status, 0,
                                    :readAt)""")
                    .param("code", municipalityCode)
                    .param("messageId", messageId)
                    .param("from", cut(fromAddress, 320))
                    .param("subject", cut(subject, 1000))
                    .param("receivedAt", Timestamp.from(receivedAt))
                    .param("readAt", Timestamp.from(readAt))
                    .param("size", (long) raw.length)
                    .param("raw", raw)
                    .param("status", RECEIVED)
                    .update());
        } catch (DuplicateKeyException raced) {
            // another node recorded it a moment ago
        }
        return find(municipalityCode, messageId).orElseThrow();
    }

    public Optional<Row> find(String municipalityCode, String messageId) {
        return jdbc.sql("""
                        select id, municipality_code, message_id, from_address, subject, received_at, status,
                               receipt_number, review_process_id, attempts
                        from intake_mail where municipality_code = :code and message_id = :messageId""")
                .param("code", municipalityCode)
                .param("messageId", messageId)
                .query(IntakeMailStore::row)
                .optional();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("""
                        select id, municipality_code, message_id, from_address, subject, received_at, status,
                               receipt_number, review_process_id, attempts
                        from intake_mail where id = :id""")
                .param("id", id)
                .query(IntakeMailStore::row)
                .optional();
    }

    /**
     * Locks the row for the caller's transaction and returns its status: a second node handling the same mail waits
     * here until the first one has committed, then sees the status it left.
     */
    public String lockStatus(long id) {
        return jdbc.sql("select status from intake_mail where id = :id for update")
                .param("id", id)
                .query(String.class)
                .single();
    }

    public byte[] rawMime(long id) {
        return jdbc.sql("select raw_mime from intake_mail where id = :id")
                .param("id", id)
                .query((rs, n) -> rs.getBytes(1))
                .single();
    }

    public void markCaseStarted(long id, String receiptNumber, Instant at) {
        jdbc.sql("update intake_mail set status = :status, receipt_number = :receipt, updated_at = :at where id = :id")
                .param("status", CASE_STARTED).param("receipt", receiptNumber).param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    public void markAnswerToCase(long id, String receiptNumber, Instant at) {
        jdbc.sql("update intake_mail set status = :status, receipt_number = :receipt, updated_at = :at where id = :id")
                .param("status", ANSWER_TO_CASE).param("receipt", receiptNumber).param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    public void markReview(long id, String processInstanceId, String reason, Instant at) {
        jdbc.sql("""
                        update intake_mail set status = :status, review_process_id = :pid, reason = :reason,
                                               updated_at = :at
                        where id = :id""")
                .param("status", REVIEW).param("pid", processInstanceId).param("reason", cut(reason, 4000))
                .param("at", Timestamp.from(at)).param("id", id)
                .update();
    }

    /** The clerk's outcome of a review: {@link #ANSWERED} or {@link #DISMISSED}, with a reason. */
    public void markOutcome(long id, String status, String reason, Instant at) {
        jdbc.sql("update intake_mail set status = :status, reason = :reason, updated_at = :at where id = :id")
                .param("status", status).param("reason", cut(reason, 4000)).param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    /** Counts a failed attempt in a transaction of its own; returns the count. */
    public int countFailedAttempt(long id, Instant at) {
        return newTransaction.execute(status -> {
            jdbc.sql("update intake_mail set attempts = attempts + 1, updated_at = :at where id = :id")
                    .param("at", Timestamp.from(at)).param("id", id)
                    .update();
            return jdbc.sql("select attempts from intake_mail where id = :id").param("id", id)
                    .query(Integer.class).single();
        });
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getString("municipality_code"), rs.getString("message_id"),
                rs.getString("from_address"), rs.getString("subject"), rs.getTimestamp("received_at").toInstant(),
                rs.getString("status"), rs.getString("receipt_number"), rs.getString("review_process_id"),
                rs.getInt("attempts"));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
