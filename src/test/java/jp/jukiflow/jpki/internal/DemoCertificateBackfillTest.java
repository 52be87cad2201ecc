package jp.jukiflow.jpki.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jp.jukiflow.jpki.CardCertificate;
import jp.jukiflow.jpki.CardCertificates;
import jp.jukiflow.jpki.CertificateKind;
import jp.jukiflow.jpki.CertificateStatus;
import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A demo card recorded before the JPKI module (no certificates) gets them at the next start. */
@JukiflowTest
class DemoCertificateBackfillTest {

    @Autowired
    DemoCertificateBackfill backfill;
    @Autowired
    CardCertificates certificates;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCardWithoutCertificatesGetsThemAndASecondRunChangesNothing() {
        String holder = jdbc.sql("""
                select resident_code from resident r where r.municipality_code = '012025' and r.status = 'RESIDENT'
                  and r.birth_date < date '2000-01-01'
                  and not exists (select 1 from card c where c.resident_code = r.resident_code)
                order by r.resident_code desc""").query(String.class).list().get(0);
        String pinHash = jdbc.sql("select min(pin_hash) from card").query(String.class).single();
        String number = "BF" + System.nanoTime() % 1_000_000_000L;
        // as a card of an earlier version was stored: straight into the table, no certificates
        jdbc.sql("""
                insert into card (card_type, card_number, resident_code, photo, issued_on, valid_until, status,
                  managing_municipality_code, pin_hash, consecutive_pin_failures, pin_locked, free_endorsement_lines)
                values ('MY_NUMBER', ?, ?, true, date '2026-11-26', date '2035-12-31', 'ACTIVE', '012025', ?, 0, false, 4)""")
                .params(number, holder, pinHash).update();
        long cardId = jdbc.sql("select id from card where card_number = ?").param(number).query(Long.class).single();
        assertThat(certificates.certificatesOf(cardId)).isEmpty();

        backfill.run(null);
        assertThat(certificates.certificatesOf(cardId)).extracting(CardCertificate::kind)
                .containsExactlyInAnyOrder(CertificateKind.SIGNATURE, CertificateKind.USER_AUTH);
        assertThat(certificates.certificatesOf(cardId)).extracting(CardCertificate::status)
                .containsOnly(CertificateStatus.VALID);

        long rows = jdbc.sql("select count(*) from jpki_certificate").query(Long.class).single();
        backfill.run(null);
        assertThat(jdbc.sql("select count(*) from jpki_certificate").query(Long.class).single()).isEqualTo(rows);
    }
}
