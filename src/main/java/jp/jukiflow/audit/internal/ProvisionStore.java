package jp.jukiflow.audit.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.audit.NewProvision;
import jp.jukiflow.audit.ProvisionRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The provision_record table. */
@Repository
public class ProvisionStore {

    static final String ITEM_SEPARATOR = "|";

    private final JdbcClient jdbc;

    ProvisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewProvision p, LocalDate providedOn, Instant recordedAt, String recordedBy) {
        return insert(p, providedOn, recordedAt, recordedBy, null);
    }

    /** Inserts a record; {@code deliveryId} (nullable) is unique per subject (see V21). */
    public long insert(NewProvision p, LocalDate providedOn, Instant recordedAt, String recordedBy,
                       String deliveryId) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into provision_record (provided_on, recorded_at, providing_municipality_code,
                    subject_resident_code, recipient_name, recipient_code, purpose, items, reference, recorded_by,
                    delivery_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Date.valueOf(providedOn), Timestamp.from(recordedAt), p.providingMunicipalityCode(),
                        p.subjectResidentCode(), p.recipientName(), p.recipientCode(), p.purpose(),
                        String.join(ITEM_SEPARATOR, p.items()), p.reference(), recordedBy, deliveryId)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The record of that delivery about that person, if one was recorded. */
    public Optional<ProvisionRecord> findByDelivery(String deliveryId, String residentCode) {
        return jdbc.sql("select * from provision_record where delivery_id = ? and subject_resident_code = ?")
                .params(deliveryId, residentCode).query(ProvisionStore::record).optional();
    }

    /** The records about one person, newest first. */
    public List<ProvisionRecord> findBySubject(String residentCode) {
        return jdbc.sql("""
                select * from provision_record where subject_resident_code = ?
                order by provided_on desc, recorded_at desc, id desc""")
                .param(residentCode)
                .query(ProvisionStore::record)
                .list();
    }

    private static ProvisionRecord record(ResultSet rs, int row) throws SQLException {
        return new ProvisionRecord(rs.getLong("id"), rs.getDate("provided_on").toLocalDate(),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("providing_municipality_code"),
                rs.getString("subject_resident_code"), rs.getString("recipient_name"), rs.getString("recipient_code"),
                rs.getString("purpose"), Arrays.asList(rs.getString("items").split("\\" + ITEM_SEPARATOR)),
                rs.getString("reference"));
    }

    /** Deletes, in one statement, every record provided before the cutoff; returns how many. */
    public int deleteProvidedBefore(LocalDate cutoff) {
        return jdbc.sql("delete from provision_record where provided_on < ?").param(Date.valueOf(cutoff)).update();
    }
}
