package jp.jukiflow.cases;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.cases.internal.LookupFailures;
import jp.jukiflow.shared.YearlySequences;
import org.springframework.beans.factory.annotation.Value;
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
    private final LookupFailures lookupFailures;
    private final int maxLookupFailures;
    private final Duration lookupWindow;
    private final Clock clock;

    CaseRegistry(JdbcClient jdbc, YearlySequences sequences, LookupFailures lookupFailures,
                 @Value("${jukiflow.status-lookup.max-failures:5}") int maxLookupFailures,
                 @Value("${jukiflow.status-lookup.window:PT1H}") Duration lookupWindow, Clock clock) {
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.lookupFailures = lookupFailures;
        this.maxLookupFailures = maxLookupFailures;
        this.lookupWindow = lookupWindow;
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

    /**
     * A resident's look-up: the case of the receipt number if the filer's birth date matches. A wrong date (or an
     * unknown number: the same answer) is counted; after {@code jukiflow.status-lookup.max-failures} of them within
     * {@code jukiflow.status-lookup.window}, the number is not looked up at all until the window has passed.
     *
     * @throws TooManyLookups while the receipt number is refused
     */
    public Optional<CaseStatus> findForFiler(String receiptNumber, LocalDate filerBirthDate) {
        Instant now = Instant.now(clock);
        Instant windowStart = now.minus(lookupWindow);
        if (lookupFailures.since(receiptNumber, windowStart) >= maxLookupFailures) {
            Instant until = lookupFailures.oldestSince(receiptNumber, windowStart).orElse(now).plus(lookupWindow);
            throw new TooManyLookups(Duration.between(now, until));
        }
        Optional<CaseStatus> found = find(receiptNumber).filter(c -> c.filerBirthDate().equals(filerBirthDate));
        if (found.isEmpty()) {
            lookupFailures.record(receiptNumber, now, windowStart);
        }
        return found;
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
