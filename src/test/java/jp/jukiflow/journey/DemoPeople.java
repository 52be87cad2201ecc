package jp.jukiflow.journey;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * People of the demo register a journey can act as: read from the application's database (the resident knows their
 * own name, birth date and card; the test does not), each handed out once per database.
 */
public final class DemoPeople {

    /** A resident living alone (head of a one-person household) with a usable My Number Card (PIN 2468). */
    public record Person(String residentCode, String familyName, String givenName, String familyNameKana,
                         String givenNameKana, LocalDate birthDate, String sex, String address, String postalCode,
                         String cardNumber) {
        public String name() {
            return familyName + " " + givenName;
        }

        public String kana() {
            return familyNameKana + " " + givenNameKana;
        }

        public String sexJa() {
            return "MALE".equals(sex) ? "男" : "女";
        }
    }

    public static final String PIN = "2468";

    private final JourneyDatabase database;
    private final Set<String> taken = ConcurrentHashMap.newKeySet();

    DemoPeople(JourneyDatabase database) {
        this.database = database;
    }

    /** The next unused adult of {@code municipality} who lives alone and holds an active, valid My Number Card. */
    public synchronized Person aloneWithCard(String municipality) {
        List<Person> candidates = database.read(jdbc -> jdbc.sql("""
                select r.resident_code, r.family_name, r.given_name, r.family_name_kana, r.given_name_kana,
                       r.birth_date, r.sex, r.address, r.postal_code, c.card_number
                from resident r
                join card c on c.resident_code = r.resident_code
                join household h on h.id = r.household_id
                where r.municipality_code = :m and r.status = 'RESIDENT' and r.nationality = 'JAPANESE'
                  and h.head_resident_code = r.resident_code
                  and (select count(*) from resident o where o.household_id = r.household_id) = 1
                  and c.card_type = 'MY_NUMBER' and c.status = 'ACTIVE' and c.managing_municipality_code = :m
                  and c.pin_locked = false and c.consecutive_pin_failures = 0
                  and c.valid_until > date '2027-12-31' and r.birth_date < date '1990-01-01'
                  and (select count(*) from card o where o.resident_code = r.resident_code) = 1
                order by r.resident_code
                """).params(Map.of("m", municipality)).query((rs, i) -> new Person(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10))).list());
        return candidates.stream().filter(p -> taken.add(p.residentCode())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No more demo people of " + municipality + " left"));
    }

    /**
     * The next unused adult Japanese resident of {@code municipality} who holds no card at all ({@code cardNumber}
     * null): someone who identifies with a driver's licence or a passport.
     */
    public synchronized Person withoutCard(String municipality) {
        List<Person> candidates = database.read(jdbc -> jdbc.sql("""
                select r.resident_code, r.family_name, r.given_name, r.family_name_kana, r.given_name_kana,
                       r.birth_date, r.sex, r.address, r.postal_code
                from resident r
                where r.municipality_code = :m and r.status = 'RESIDENT' and r.nationality = 'JAPANESE'
                  and r.household_id is not null and r.birth_date < date '1990-01-01'
                  and not exists (select 1 from card c where c.resident_code = r.resident_code)
                order by r.resident_code
                """).params(Map.of("m", municipality)).query((rs, i) -> new Person(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7),
                rs.getString(8), rs.getString(9), null)).list());
        return candidates.stream().filter(p -> taken.add(p.residentCode())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No more demo people without a card in " + municipality));
    }

    /** One column of the resident's row, e.g. STATUS or MUNICIPALITY_CODE. */
    public String residentColumn(String residentCode, String column) {
        return database.read(jdbc -> jdbc.sql("select " + column + " from resident where resident_code = ?")
                .param(residentCode).query(String.class).optional().orElse(null));
    }

    /** One column of the card's row, e.g. STATUS or MANAGING_MUNICIPALITY_CODE. */
    public String cardColumn(String cardNumber, String column) {
        return database.read(jdbc -> jdbc.sql("select " + column + " from card where card_number = ?")
                .param(cardNumber).query(String.class).optional().orElse(null));
    }

    /** One column of the card's row as {@code type}, e.g. PIN_LOCKED as Boolean (the same on H2 and PostgreSQL). */
    public <T> T cardColumn(String cardNumber, String column, Class<T> type) {
        return database.read(jdbc -> jdbc.sql("select " + column + " from card where card_number = ?")
                .param(cardNumber).query(type).optional().orElse(null));
    }
}
