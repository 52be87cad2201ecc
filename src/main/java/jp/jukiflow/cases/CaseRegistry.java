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
import java.util.regex.Pattern;

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

    /** The form of a receipt number: 団体コード, year, six digits. */
    public static final Pattern RECEIPT_NUMBER = Pattern.compile("\\d{6}-\\d{4}-\\d{6}");

    private static final YearlySequences.Table RECEIPTS = new YearlySequences.Table("receipt_sequence", "receipt_year");

    private final JdbcClient jdbc;
    private final YearlySequences sequences;
    private final LookupFailures lookupFailures;
    private final int maxLookupFailures;
    private final int maxLookupFailuresPerNumber;
    private final Duration lookupWindow;
    private final Clock clock;

    CaseRegistry(JdbcClient jdbc, YearlySequences sequences, LookupFailures lookupFailures,
                 @Value("${jukiflow.status-lookup.max-failures:5}") int maxLookupFailures,
                 @Value("${jukiflow.status-lookup.max-failures-per-number:50}") int maxLookupFailuresPerNumber,
                 @Value("${jukiflow.status-lookup.window:PT1H}") Duration lookupWindow, Clock clock) {
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.lookupFailures = lookupFailures;
        this.maxLookupFailures = maxLookupFailures;
        this.maxLookupFailuresPerNumber = maxLookupFailuresPerNumber;
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
     * unknown number: the same answer) is counted for the client that asked and for the number. Within
     * {@code jukiflow.status-lookup.window}:
     * <ul>
     *   <li>a client with {@code jukiflow.status-lookup.max-failures} wrong dates (over all numbers) is refused for
     *       every number, so one client cannot try a number against many dates, nor many numbers;</li>
     *   <li>a number with {@code jukiflow.status-lookup.max-failures-per-number} wrong dates (from all clients) is
     *       refused for everyone: the ceiling against many clients guessing together, set well above the first
     *       limit so that one stranger cannot lock the resident out of their own status.</li>
     * </ul>
     * A refused look-up is not counted again. A receipt number not of the form {@code 013676-2026-000123} matches no
     * case and is neither looked up nor counted.
     *
     * @throws TooManyLookups while the client or the receipt number is refused
     */
    public Optional<CaseStatus> findForFiler(String receiptNumber, LocalDate filerBirthDate, LookupClient client) {
        Instant now = Instant.now(clock);
        Instant windowStart = now.minus(lookupWindow);
        Optional<Instant> clientUntil = refusedUntil(lookupFailures.ofClient(client.key(), windowStart), maxLookupFailures);
        boolean wellFormed = receiptNumber != null && RECEIPT_NUMBER.matcher(receiptNumber).matches();
        Optional<Instant> numberUntil = wellFormed
                ? refusedUntil(lookupFailures.ofReceiptNumber(receiptNumber, windowStart), maxLookupFailuresPerNumber)
                : Optional.empty();
        if (clientUntil.isPresent() || numberUntil.isPresent()) {
            // both refused: the later end, named by the limit that holds longer
            boolean byNumber = numberUntil.isPresent()
                    && (clientUntil.isEmpty() || numberUntil.get().isAfter(clientUntil.get()));
            Instant until = byNumber ? numberUntil.get() : clientUntil.get();
            throw new TooManyLookups(byNumber ? TooManyLookups.Limit.RECEIPT_NUMBER : TooManyLookups.Limit.CLIENT,
                    Duration.between(now, until));
        }
        if (!wellFormed) {
            return Optional.empty();
        }
        Optional<CaseStatus> found = find(receiptNumber).filter(c -> c.filerBirthDate().equals(filerBirthDate));
        if (found.isEmpty()) {
            lookupFailures.record(receiptNumber, client.key(), now, windowStart);
        }
        return found;
    }

    /**
     * When a refusal ends: once fewer than {@code limit} failures are left in the window, i.e. when the failure that
     * keeps the count at the limit leaves it. Empty when the count is below the limit.
     */
    private Optional<Instant> refusedUntil(List<Instant> failuresOldestFirst, int limit) {
        int count = failuresOldestFirst.size();
        if (count < limit) {
            return Optional.empty();
        }
        return Optional.of(failuresOldestFirst.get(count - limit).plus(lookupWindow));
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
