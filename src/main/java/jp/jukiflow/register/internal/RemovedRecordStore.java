package jp.jukiflow.register.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.register.Nationality;
import jp.jukiflow.register.PersonName;
import jp.jukiflow.register.RemovalReason;
import jp.jukiflow.register.RemovedRecord;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.Sex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The removed_record table (除票). A record is copied from the person's register row in one statement, so it is the
 * row as it stood (destination and 世帯主's name included); a captured row (reason null) becomes the 除票 later, with
 * {@link #removeCaptured}. Only {@code ResidentRegister} and {@code RemovedRecords} use it.
 */
@Repository
public class RemovedRecordStore {

    private static final String COPY_FROM_REGISTER = """
            insert into removed_record (municipality_code, resident_code, family_name, given_name, family_name_kana,
              given_name_kana, birth_date, sex, nationality, postal_code, address, head_of_household, relationship,
              honseki, hittosha, destination_municipality_code, destination_address, reason, removed_on, reference,
              captured_at, removed_at, retain_until)
            select r.municipality_code, r.resident_code, r.family_name, r.given_name, r.family_name_kana,
              r.given_name_kana, r.birth_date, r.sex, r.nationality, r.postal_code, r.address,
              (select h.family_name || '\u3000' || h.given_name from household hh
                 join resident h on h.resident_code = hh.head_resident_code where hh.id = r.household_id),
              r.relationship, r.honseki, r.hittosha, r.destination_municipality_code, r.destination_address,
              cast(? as varchar(20)), cast(? as date), cast(? as varchar(100)), cast(? as timestamp),
              cast(? as timestamp), cast(? as date)
            from resident r where r.resident_code = ?""";

    private final JdbcClient jdbc;

    RemovedRecordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Copies the person's register row as the 除票 of its municipality, removed for the reason on the day. */
    public void copyAsRemoved(String residentCode, RemovalReason reason, LocalDate removedOn, String reference,
                              Instant at, LocalDate retainUntil) {
        jdbc.sql(COPY_FROM_REGISTER).params(reason.name(), Date.valueOf(removedOn), reference, Timestamp.from(at),
                Timestamp.from(at), Date.valueOf(retainUntil), residentCode).update();
    }

    /** Copies the person's register row as it stands now, to become its municipality's 除票 later. */
    public void capture(String residentCode, String reference, Instant at) {
        jdbc.sql(COPY_FROM_REGISTER).params(null, null, reference, Timestamp.from(at), null, null, residentCode)
                .update();
    }

    /** Makes the latest captured row of the person at the municipality its 除票; false when none was captured. */
    public boolean removeCaptured(String residentCode, String municipalityCode, RemovalReason reason,
                                  LocalDate removedOn, String reference, Instant at, LocalDate retainUntil) {
        Optional<Long> id = jdbc.sql("""
                        select id from removed_record where resident_code = ? and municipality_code = ?
                        and reason is null order by id desc""")
                .params(residentCode, municipalityCode).query(Long.class).list().stream().findFirst();
        id.ifPresent(i -> jdbc.sql("""
                        update removed_record set reason = ?, removed_on = ?, reference = coalesce(?, reference),
                          removed_at = ?, retain_until = ? where id = ?""")
                .params(reason.name(), Date.valueOf(removedOn), reference, Timestamp.from(at),
                        Date.valueOf(retainUntil), i).update());
        return id.isPresent();
    }

    /** The 除票 of a person (every municipality's), newest removal first; captured rows are not 除票 yet. */
    public List<RemovedRecord> findRemoved(String residentCode) {
        return jdbc.sql("""
                        select * from removed_record where resident_code = ? and reason is not null
                        order by removed_on desc, id desc""")
                .param(residentCode).query(RemovedRecordStore::removedRecord).list();
    }

    public Optional<RemovedRecord> findRemoved(long id) {
        return jdbc.sql("select * from removed_record where id = ? and reason is not null").param(id)
                .query(RemovedRecordStore::removedRecord).optional();
    }

    /** Deletes, in one statement, every 除票 whose retention ended before the day; returns how many. */
    public int deleteRetainedUntilBefore(LocalDate day) {
        return jdbc.sql("delete from removed_record where retain_until < ?").param(Date.valueOf(day)).update();
    }

    private static RemovedRecord removedRecord(ResultSet rs, int row) throws SQLException {
        return new RemovedRecord(rs.getLong("id"), rs.getString("municipality_code"),
                ResidentCode.of(rs.getString("resident_code")),
                new PersonName(rs.getString("family_name"), rs.getString("given_name"),
                        rs.getString("family_name_kana"), rs.getString("given_name_kana")),
                rs.getDate("birth_date").toLocalDate(), Sex.valueOf(rs.getString("sex")),
                Nationality.valueOf(rs.getString("nationality")), rs.getString("postal_code"), rs.getString("address"),
                rs.getString("head_of_household"), rs.getString("relationship"), rs.getString("honseki"),
                rs.getString("hittosha"), rs.getString("destination_municipality_code"),
                rs.getString("destination_address"), RemovalReason.valueOf(rs.getString("reason")),
                rs.getDate("removed_on").toLocalDate(), rs.getString("reference"),
                rs.getDate("retain_until").toLocalDate());
    }
}
