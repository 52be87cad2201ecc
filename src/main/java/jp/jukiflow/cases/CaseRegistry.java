package jp.jukiflow.cases;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.shared.YearlySequences;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases residents file: receipt numbers (受付番号 {@code <団体コード>-<年>-<6桁>}), their status for the
 * resident-facing status page, and the documents that came with them.
 */
@Service
@Transactional
public class CaseRegistry {

    private static final RowMapper<CaseStatus> STATUS = (rs, n) -> new CaseStatus(rs.getString("receipt_number"),
            rs.getString("municipality_code"), rs.getString("procedure"), rs.getString("channel"),
            rs.getDate("filer_birth_date").toLocalDate(), rs.getString("status_code"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());

    private static final YearlySequences.Table RECEIPTS = new YearlySequences.Table("receipt_sequence", "receipt_year");

    private final JdbcClient jdbc;
    private final YearlySequences sequences;
    private final Clock clock;

    CaseRegistry(JdbcClient jdbc, YearlySequences sequences, Clock clock) {
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.clock = clock;
    }

    /** The next receipt number of a municipality for the current year (Japan time). */
    @Transactional(propagation = Propagation.REQUIRED)
    public String nextReceiptNumber(String municipalityCode) {
        int year = LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo"))).getYear();
        int value = sequences.next(RECEIPTS, municipalityCode, year);
        return "%s-%d-%06d".formatted(municipalityCode, year, value);
    }

    /** Opens a case with its first status. */
    public void open(String receiptNumber, String municipalityCode, String procedure, String channel,
                     LocalDate filerBirthDate, String statusCode) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.sql("""
                insert into case_status (receipt_number, municipality_code, procedure, channel, filer_birth_date,
                  status_code, updated_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(receiptNumber, municipalityCode, procedure, channel, Date.valueOf(filerBirthDate), statusCode, now, now)
                .update();
    }

    public void updateStatus(String receiptNumber, String statusCode) {
        jdbc.sql("update case_status set status_code = ?, updated_at = ? where receipt_number = ?")
                .params(statusCode, Timestamp.from(Instant.now(clock)), receiptNumber).update();
    }

    public Optional<CaseStatus> find(String receiptNumber) {
        return jdbc.sql("select * from case_status where receipt_number = ?").param(receiptNumber).query(STATUS).optional();
    }

    public long addDocument(String receiptNumber, String fileName, String contentType, byte[] content) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into case_document (receipt_number, file_name, content_type, size_bytes, content, received_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(receiptNumber, fileName, contentType, content.length, content, Timestamp.from(Instant.now(clock)))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<CaseDocument> documents(String receiptNumber) {
        return jdbc.sql("select id, receipt_number, file_name, content_type, size_bytes, received_at from case_document where receipt_number = ? order by id")
                .param(receiptNumber)
                .query((rs, n) -> new CaseDocument(rs.getLong("id"), rs.getString("receipt_number"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> documentContent(long documentId) {
        return jdbc.sql("select content from case_document where id = ?").param(documentId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }
}
