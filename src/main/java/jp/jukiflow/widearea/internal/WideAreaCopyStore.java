package jp.jukiflow.widearea.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import jp.jukiflow.shared.YearlySequences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The wide_area_copy and wide_area_copy_sequence tables: the copies issued, their PDFs and receipt numbers. */
@Repository
class WideAreaCopyStore {

    /** One issued copy (without the PDF). */
    record IssuedCopy(String receiptNumber, String caseId, String processInstanceId, String municipalityCode,
                      String homeCode, int persons, int fee, String createdBy, Instant createdAt) {
    }

    private static final RowMapper<IssuedCopy> COPY = (rs, n) -> new IssuedCopy(rs.getString("receipt_number"),
            rs.getString("case_id"), rs.getString("process_instance_id"), rs.getString("municipality_code"),
            rs.getString("home_code"), rs.getInt("persons"), rs.getInt("fee"), rs.getString("created_by"),
            rs.getTimestamp("created_at").toInstant());
    private static final String COLUMNS = "receipt_number, case_id, process_instance_id, municipality_code, home_code, "
            + "persons, fee, created_by, created_at";

    private static final YearlySequences.Table NUMBERS = new YearlySequences.Table("wide_area_copy_sequence", "receipt_year");

    private final JdbcClient jdbc;
    private final YearlySequences sequences;
    private final TransactionTemplate requiresNew;

    WideAreaCopyStore(JdbcClient jdbc, YearlySequences sequences, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.requiresNew = new TransactionTemplate(transactions);
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The next number of a municipality's year, race-safe: taken and committed in a transaction of its own (the row
     * of the year is locked only for that moment, not while the PDF is made), so two counters never get the same
     * number; a copy that then fails leaves a gap, never a duplicate.
     */
    int nextNumber(String municipalityCode, int year) {
        return requiresNew.execute(status -> sequences.next(NUMBERS, municipalityCode, year));
    }

    void insert(IssuedCopy copy, byte[] pdf) {
        jdbc.sql("insert into wide_area_copy (" + COLUMNS + ", pdf) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(copy.receiptNumber(), copy.caseId(), copy.processInstanceId(), copy.municipalityCode(),
                        copy.homeCode(), copy.persons(), copy.fee(), copy.createdBy(),
                        Timestamp.from(copy.createdAt()), pdf)
                .update();
    }

    Optional<IssuedCopy> find(String receiptNumber) {
        return jdbc.sql("select " + COLUMNS + " from wide_area_copy where receipt_number = ?").param(receiptNumber)
                .query(COPY).optional();
    }

    Optional<IssuedCopy> findByProcessInstance(String processInstanceId) {
        return jdbc.sql("select " + COLUMNS + " from wide_area_copy where process_instance_id = ?")
                .param(processInstanceId).query(COPY).optional();
    }

    Optional<byte[]> pdf(String receiptNumber) {
        return jdbc.sql("select pdf from wide_area_copy where receipt_number = ?").param(receiptNumber)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** The copies a municipality issued in [from, until), oldest first. */
    List<IssuedCopy> issuedBetween(String municipalityCode, Instant from, Instant until) {
        return jdbc.sql("select " + COLUMNS + " from wide_area_copy where municipality_code = ? and created_at >= ? "
                        + "and created_at < ? order by created_at, receipt_number")
                .params(municipalityCode, Timestamp.from(from), Timestamp.from(until)).query(COPY).list();
    }
}
