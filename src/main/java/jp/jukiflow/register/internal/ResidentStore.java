package jp.jukiflow.register.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jp.jukiflow.register.Household;
import jp.jukiflow.register.Nationality;
import jp.jukiflow.register.PersonName;
import jp.jukiflow.register.Resident;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentStatus;
import jp.jukiflow.register.Sex;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The resident and household tables. Only {@code ResidentRegister} uses it, so every read is audited. */
@Repository
public class ResidentStore {

    private static final RowMapper<Resident> RESIDENT = ResidentStore::resident;

    private final JdbcClient jdbc;

    ResidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Resident> find(String residentCode) {
        return jdbc.sql("select * from resident where resident_code = ?").param(residentCode).query(RESIDENT).optional();
    }

    public List<Resident> findByHousehold(long householdId) {
        return jdbc.sql("select * from resident where household_id = ? order by birth_date").param(householdId)
                .query(RESIDENT).list();
    }

    public List<Resident> findByNameAndBirthDate(String municipalityCode, String familyName, String givenName,
                                                 java.time.LocalDate birthDate) {
        return jdbc.sql("""
                        select * from resident where municipality_code = ? and family_name = ? and given_name = ?
                        and birth_date = ? order by resident_code""")
                .params(municipalityCode, familyName, givenName, Date.valueOf(birthDate)).query(RESIDENT).list();
    }

    public long countByMunicipality(String municipalityCode) {
        return jdbc.sql("select count(*) from resident where municipality_code = ?").param(municipalityCode)
                .query(Long.class).single();
    }

    public Optional<Household> findHousehold(long id) {
        return jdbc.sql("select * from household where id = ?").param(id)
                .query((rs, n) -> new Household(rs.getLong("id"), rs.getString("municipality_code"),
                        rs.getString("postal_code"), rs.getString("address"), rs.getString("head_resident_code")))
                .optional();
    }

    public long insertHousehold(String municipalityCode, String postalCode, String address) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into household (municipality_code, postal_code, address) values (?, ?, ?)")
                .params(municipalityCode, postalCode, address).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void setHouseholdHead(long householdId, String residentCode) {
        jdbc.sql("update household set head_resident_code = ? where id = ?").params(residentCode, householdId).update();
    }

    public void insert(Resident r) {
        jdbc.sql("""
                insert into resident (resident_code, municipality_code, household_id, family_name, given_name,
                  family_name_kana, given_name_kana, birth_date, sex, postal_code, address, relationship, status,
                  nationality, honseki, hittosha, stay_expires_on, email, phone)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.code().value(), r.municipalityCode(), r.householdId(), r.name().familyName(),
                        r.name().givenName(), r.name().familyNameKana(), r.name().givenNameKana(),
                        Date.valueOf(r.birthDate()), r.sex().name(), r.postalCode(), r.address(), r.relationship(),
                        r.status().name(), r.nationality().name(), r.honseki(), r.hittosha(),
                        r.stayExpiresOn() == null ? null : Date.valueOf(r.stayExpiresOn()), r.email(), r.phone())
                .update();
    }

    private static Resident resident(ResultSet rs, int row) throws SQLException {
        Date stay = rs.getDate("stay_expires_on");
        long household = rs.getLong("household_id");
        // read wasNull right after the column it is about (the arguments below read other columns first)
        Long householdId = rs.wasNull() ? null : household;
        return new Resident(ResidentCode.of(rs.getString("resident_code")), rs.getString("municipality_code"),
                householdId,
                new PersonName(rs.getString("family_name"), rs.getString("given_name"),
                        rs.getString("family_name_kana"), rs.getString("given_name_kana")),
                rs.getDate("birth_date").toLocalDate(), Sex.valueOf(rs.getString("sex")), rs.getString("postal_code"),
                rs.getString("address"), rs.getString("relationship"), ResidentStatus.valueOf(rs.getString("status")),
                Nationality.valueOf(rs.getString("nationality")), rs.getString("honseki"), rs.getString("hittosha"),
                stay == null ? null : stay.toLocalDate(), rs.getString("email"), rs.getString("phone"));
    }

    public void updateMoveOut(String residentCode, String status, java.time.LocalDate plannedDate,
                              String destinationCode, String destinationAddress) {
        jdbc.sql("""
                update resident set status = ?, planned_move_out_date = ?, destination_municipality_code = ?,
                  destination_address = ?, version = version + 1 where resident_code = ?""")
                .params(status, plannedDate == null ? null : Date.valueOf(plannedDate), destinationCode,
                        destinationAddress, residentCode)
                .update();
    }

    public void insertEvent(String residentCode, String municipalityCode, String eventType, java.time.LocalDate effectiveOn,
                            java.time.Instant occurredAt, String reference) {
        jdbc.sql("""
                insert into register_event (resident_code, municipality_code, event_type, effective_on, occurred_at, reference)
                values (?, ?, ?, ?, ?, ?)""")
                .params(residentCode, municipalityCode, eventType, effectiveOn == null ? null : Date.valueOf(effectiveOn),
                        java.sql.Timestamp.from(occurredAt), reference)
                .update();
    }

    public Optional<java.time.LocalDate> lastEventDate(String residentCode, String municipalityCode, String eventType) {
        return jdbc.sql("""
                        select effective_on from register_event where resident_code = ? and municipality_code = ?
                        and event_type = ? and effective_on is not null order by effective_on desc, id desc""")
                .params(residentCode, municipalityCode, eventType)
                .query((rs, n) -> rs.getDate(1).toLocalDate()).list().stream().findFirst();
    }

    public List<String> eventTypes(String residentCode) {
        return jdbc.sql("select event_type from register_event where resident_code = ? order by id").param(residentCode)
                .query(String.class).list();
    }

    /** 転入: the person's row moves to the destination (new household, address, 続柄) and is a resident again. */
    public void updateMovedIn(String residentCode, String municipalityCode, long householdId, String postalCode,
                              String address, String relationship) {
        jdbc.sql("""
                update resident set municipality_code = ?, household_id = ?, postal_code = ?, address = ?,
                  relationship = ?, status = 'RESIDENT', planned_move_out_date = null,
                  destination_municipality_code = null, destination_address = null, version = version + 1
                where resident_code = ?""")
                .params(municipalityCode, householdId, postalCode, address, relationship, residentCode).update();
    }
}
