package jp.jukiflow.municipality.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.Office;
import jp.jukiflow.municipality.OfficeHours;
import jp.jukiflow.municipality.Procedure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Municipalities, offices and accepted procedures in the database. */
@Repository
public class MunicipalityStore {

    private final JdbcClient jdbc;

    MunicipalityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Municipality> findAll() {
        Map<String, Set<Procedure>> procedures = jdbc.sql("select office_id, procedure from office_procedure")
                .query((rs, n) -> Map.entry(rs.getString(1), Procedure.valueOf(rs.getString(2))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(() -> EnumSet.noneOf(Procedure.class)))));
        Map<String, List<Office>> offices = jdbc.sql("select * from office order by main_office desc, id")
                .query((rs, n) -> office(rs, procedures.getOrDefault(rs.getString("id"), Set.of())))
                .list().stream()
                .collect(Collectors.groupingBy(Office::municipalityCode));
        return jdbc.sql("select * from municipality order by code")
                .query((rs, n) -> new Municipality(LocalGovernmentCode.of(rs.getString("code")), rs.getString("name"),
                        rs.getString("name_kana"), rs.getString("prefecture"), rs.getString("mail_domain"),
                        offices.getOrDefault(rs.getString("code"), List.of())))
                .list();
    }

    private static Office office(ResultSet rs, Set<Procedure> procedures) throws SQLException {
        Set<DayOfWeek> days = Arrays.stream(rs.getString("open_days").split(","))
                .map(DayOfWeek::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
        OfficeHours hours = new OfficeHours(rs.getTime("opens_at").toLocalTime(), rs.getTime("closes_at").toLocalTime(), days);
        return new Office(rs.getString("id"), rs.getString("municipality_code"), rs.getString("name"),
                rs.getBoolean("main_office"), hours, procedures);
    }

    /** Inserts or updates one municipality and replaces its offices' settings. */
    @Transactional
    public void save(Municipality m) {
        String code = m.code().value();
        int updated = jdbc.sql("update municipality set name = ?, name_kana = ?, prefecture = ?, mail_domain = ? where code = ?")
                .params(m.name(), m.nameKana(), m.prefecture(), m.mailDomain(), code).update();
        if (updated == 0) {
            jdbc.sql("insert into municipality (code, name, name_kana, prefecture, mail_domain) values (?, ?, ?, ?, ?)")
                    .params(code, m.name(), m.nameKana(), m.prefecture(), m.mailDomain()).update();
        }
        for (Office o : m.offices()) {
            saveOffice(o);
        }
    }

    private void saveOffice(Office o) {
        String days = o.hours().openDays().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
        int updated = jdbc.sql("update office set name = ?, main_office = ?, opens_at = ?, closes_at = ?, open_days = ? where id = ?")
                .params(o.name(), o.main(), o.hours().opening(), o.hours().closing(), days, o.id()).update();
        if (updated == 0) {
            jdbc.sql("insert into office (id, municipality_code, name, main_office, opens_at, closes_at, open_days) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(o.id(), o.municipalityCode(), o.name(), o.main(), o.hours().opening(), o.hours().closing(), days)
                    .update();
        }
        jdbc.sql("delete from office_procedure where office_id = ?").param(o.id()).update();
        for (Procedure p : o.procedures()) {
            jdbc.sql("insert into office_procedure (office_id, procedure) values (?, ?)").params(o.id(), p.name()).update();
        }
    }
}
