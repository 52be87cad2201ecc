package jp.jukiflow.demo;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.jukiflow.card.CardFacts;
import jp.jukiflow.card.CardType;
import jp.jukiflow.card.CardValidity;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.support.JukiflowTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo register: households with heads, valid resident codes, readings, and cards as the law leaves them today. */
@JukiflowTest
class DemoDataTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    PinHasher pinHasher;

    @Test
    void eachMunicipalityHasResidentsInHouseholdsWithAHead() {
        for (String code : List.of(OKUSHIRI, HAKODATE)) {
            // the seed only (created with the demo data's purpose): people moved in by a special transfer-in (other tests)
            // still count for their origin; holders of a card presented for a special transfer-in not registered yet
            // (MOVING_IN, other tests) are not residents
            long residents = count("""
                    select count(*) from resident r where r.status <> 'MOVING_IN' and r.resident_code in
                      (select a.subject_resident_code from audit_log a where a.action = 'CREATE' and a.purpose = ?)
                    and case when exists (select 1 from register_event e
                      where e.resident_code = r.resident_code and e.event_type = 'TRANSFER_IN')
                    then (select min(e.municipality_code) from register_event e where e.resident_code = r.resident_code
                      and e.event_type = 'TRANSFER_OUT_PLANNED')
                    else r.municipality_code end = ?""", DemoRegister.PURPOSE, code);
            assertThat(residents).isBetween(60L, 70L);
            long households = count("select count(*) from household where municipality_code = ?", code);
            long headed = count("select count(*) from household h join resident r on r.resident_code = h.head_resident_code "
                    + "where h.municipality_code = ? and r.relationship = '世帯主'", code);
            assertThat(headed).isEqualTo(households);
        }
    }

    @Test
    void residentCodesAreValidAndNamesHaveKatakanaReadings() {
        assertThat(jdbc.sql("select resident_code from resident").query(String.class).list())
                .allSatisfy(code -> assertThat(ResidentCode.of(code).value()).isEqualTo(code));
        assertThat(jdbc.sql("select family_name_kana || given_name_kana from resident").query(String.class).list())
                .allSatisfy(kana -> assertThat(kana).matches("[\\u30A0-\\u30FF　]+"));
        assertThat(jdbc.sql("select address from resident where municipality_code = '013676'").query(String.class).list())
                .allSatisfy(a -> assertThat(a).startsWith("北海道奥尻郡奥尻町"));
        assertThat(jdbc.sql("select address from resident where municipality_code = '012025'").query(String.class).list())
                .allSatisfy(a -> assertThat(a).startsWith("北海道函館市"));
    }

    /** The demo cards only: the card lifecycle tests record expired and returned cards of their own. */
    @Test
    void everyJukiCardIsExpiredTodayAndMyNumberCardsAreValid() {
        CardValidity validity = new CardValidity();
        List<Map<String, Object>> cards = jdbc.sql("""
                select c.card_type, c.issued_on, c.valid_until, c.status, r.birth_date from card c
                join resident r on r.resident_code = c.resident_code
                where c.id in (select e.card_id from card_event e where e.event_type = 'ISSUED' and e.reason = ?)""")
                .param(DemoCards.REASON).query().listOfRows();
        assertThat(cards).isNotEmpty();
        assertThat(cards).anySatisfy(c -> assertThat(c.get("CARD_TYPE")).isEqualTo("JUKI"));
        for (Map<String, Object> c : cards) {
            LocalDate issued = ((java.sql.Date) c.get("ISSUED_ON")).toLocalDate();
            LocalDate validUntil = ((java.sql.Date) c.get("VALID_UNTIL")).toLocalDate();
            if (CardType.JUKI.name().equals(c.get("CARD_TYPE"))) {
                assertThat(issued).isBetween(LocalDate.of(2006, 1, 1), LocalDate.of(2015, 12, 28));
                assertThat(validity.validity(CardFacts.juki(issued), TODAY).valid()).isFalse();
                assertThat(c.get("STATUS")).isEqualTo("EXPIRED");
            } else {
                assertThat(validUntil).isAfter(TODAY);
            }
        }
    }

    @Test
    void nobodyHoldsTwoActiveCards() {
        assertThat(jdbc.sql("select count(*) from (select resident_code from card where status in ('ACTIVE','SUSPENDED') "
                + "group by resident_code having count(*) > 1) t").query(Long.class).single()).isZero();
    }

    @Test
    void someCardsAreLockedOrSuspendedAndPinsAreStoredOnlyAsHashes() {
        assertThat(count("select count(*) from card where pin_locked = true and consecutive_pin_failures = 3")).isPositive();
        assertThat(count("select count(*) from card where status = 'SUSPENDED'")).isPositive();
        String hash = jdbc.sql("select min(c.pin_hash) from card c where c.id in (select e.card_id from card_event e"
                + " where e.event_type = 'ISSUED' and e.reason = ?)").param(DemoCards.REASON).query(String.class).single();
        assertThat(hash).doesNotContain(DemoCards.DEMO_PIN);
        assertThat(pinHasher.matches(DemoCards.DEMO_PIN, hash)).isTrue();
    }

    @Test
    void demoOperatorsLogInWithTheirIdAsPassword() {
        for (String user : List.of("okushiri-clerk", "okushiri-manager", "hakodate-clerk", "hakodate-manager", "admin")) {
            assertThat(identityService.checkPassword(user, user)).as(user).isTrue();
        }
        assertThat(identityService.createUserQuery().memberOfGroup("013676-clerks").list())
                .extracting(u -> u.getId()).containsExactly("okushiri-clerk");
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
