package jp.jukiflow.pinreset.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pin_reset_inquiry table: the 照会書 of each agent's PIN reset, and when its 回答書 came back. */
@Repository
class InquiryStore {

    /** One stored 照会書 (without the PDF). */
    record Inquiry(String inquiryNumber, String processInstanceId, String municipalityCode, String cardNumber,
                   String residentCode, LocalDate issuedOn, LocalDate answerDeadline, Instant answerReceivedAt) {
    }

    private final JdbcClient jdbc;

    InquiryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Inquiry i, byte[] pdf, String createdBy, Instant now) {
        jdbc.sql("""
                insert into pin_reset_inquiry (inquiry_number, process_instance_id, municipality_code, card_number,
                  resident_code, issued_on, answer_deadline, pdf, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(i.inquiryNumber(), i.processInstanceId(), i.municipalityCode(), i.cardNumber(),
                        i.residentCode(), Date.valueOf(i.issuedOn()), Date.valueOf(i.answerDeadline()), pdf, createdBy,
                        Timestamp.from(now))
                .update();
    }

    Optional<Inquiry> findByProcessInstance(String processInstanceId) {
        return jdbc.sql("""
                select inquiry_number, process_instance_id, municipality_code, card_number, resident_code, issued_on,
                  answer_deadline, answer_received_at
                from pin_reset_inquiry where process_instance_id = ?""")
                .param(processInstanceId)
                .query((rs, n) -> {
                    Timestamp received = rs.getTimestamp("answer_received_at");
                    return new Inquiry(rs.getString("inquiry_number"), rs.getString("process_instance_id"),
                            rs.getString("municipality_code"), rs.getString("card_number"),
                            rs.getString("resident_code"), rs.getDate("issued_on").toLocalDate(),
                            rs.getDate("answer_deadline").toLocalDate(),
                            received == null ? null : received.toInstant());
                }).optional();
    }

    Optional<byte[]> pdf(String processInstanceId) {
        return jdbc.sql("select pdf from pin_reset_inquiry where process_instance_id = ?").param(processInstanceId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    void answerReceived(String processInstanceId, Instant at) {
        jdbc.sql("update pin_reset_inquiry set answer_received_at = ? where process_instance_id = ?")
                .params(Timestamp.from(at), processInstanceId).update();
    }
}
