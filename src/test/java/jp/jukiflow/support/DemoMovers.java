package jp.jukiflow.support;

import java.util.List;

import jp.jukiflow.transferout.TransferOutForm;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Adults of 奥尻町's demo register picked by the process tests to move to 函館市, read with their card. The
 * transfer-out tests take them from the start of the list, the transfer-in tests from its end, so that a person who
 * moved away shifts no other test's pick.
 */
public final class DemoMovers {

    /** A demo resident with their card; the mail address is made up from the 住民票コード. */
    public record Person(String code, String familyName, String givenName, String kana, String birthDate, String sex,
                         String address, String email, String card) {

        public String name() {
            return familyName + " " + givenName;
        }

        /** Their 転出届 (moving alone on 2026-12-03 to 北海道函館市五稜郭町1番1号) by the web form. */
        public TransferOutForm transferOutForm(String cardType) {
            return new TransferOutForm("2026-12-03", null,
                    new TransferOutForm.Filer(name(), kana, birthDate, "本人"), address, name(),
                    new TransferOutForm.NewAddress(Towns.HAKODATE, "北海道函館市五稜郭町1番1号"), name(),
                    List.of(new TransferOutForm.Mover(name(), kana, birthDate, sexJa(), "世帯主")),
                    "0", cardType, "true", "01397-2-3111", email);
        }

        /** 男 or 女, as the forms write it. */
        public String sexJa() {
            return "MALE".equals(sex) ? "男" : "女";
        }
    }

    private DemoMovers() {
    }

    /** The adults of 奥尻町 with an active, unlocked My Number Card valid past 2026, by 住民票コード. */
    public static List<Person> withValidMyNumberCard(JdbcClient jdbc) {
        return people(jdbc, """
                select r.*, c.card_number from resident r join card c on c.resident_code = r.resident_code
                where r.municipality_code = '013676' and r.status = 'RESIDENT' and r.nationality = 'JAPANESE'
                  and c.card_type = 'MY_NUMBER' and c.status = 'ACTIVE' and c.pin_locked = false
                  and c.valid_until > date '2026-12-31' and r.birth_date < date '2000-01-01'
                order by r.resident_code""");
    }

    /** The first resident of 奥尻町 with a 住基カード (all of them expired). */
    public static Person withJukiCard(JdbcClient jdbc) {
        return people(jdbc, """
                select r.*, c.card_number from resident r join card c on c.resident_code = r.resident_code
                where r.municipality_code = '013676' and r.status = 'RESIDENT' and c.card_type = 'JUKI'
                order by r.resident_code""").get(0);
    }

    /** A person made by {@link MovingResidents} (with their card). */
    public static Person of(MovingResidents.Mover m) {
        return new Person(m.residentCode(), m.familyName(), m.givenName(), m.kana(), m.birthDate().toString(),
                m.sex().name(), m.address(), "resident-" + m.residentCode() + "@test.example", m.cardNumber());
    }

    private static List<Person> people(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query((rs, i) -> new Person(rs.getString("resident_code"),
                rs.getString("family_name"), rs.getString("given_name"),
                rs.getString("family_name_kana") + " " + rs.getString("given_name_kana"),
                rs.getDate("birth_date").toLocalDate().toString(), rs.getString("sex"), rs.getString("address"),
                "resident-" + rs.getString("resident_code") + "@test.example", rs.getString("card_number"))).list();
    }
}
