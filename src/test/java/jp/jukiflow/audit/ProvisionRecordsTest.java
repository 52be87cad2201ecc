package jp.jukiflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Provision records (提供記録): stored with the providing municipality, newest first, audited as PROVIDE. */
@JukiflowTest
class ProvisionRecordsTest {

    @Autowired
    ProvisionRecords provisions;
    @Autowired
    AuditLog auditLog;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aProvisionIsRecordedAndAudited() {
        String code = jdbc.sql("select max(resident_code) from resident where municipality_code = '012025'")
                .query(String.class).single();
        ProvisionRecord r = provisions.record(new NewProvision("012025", code, "奥尻町長", "013676",
                "住民票の写しの広域交付", List.of("氏名", "生年月日", "性別", "住所"), "R-013676-2026-900001"));

        assertThat(r.providedOn()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(r.recordedAt()).isEqualTo(Instant.parse("2026-11-26T01:00:00Z"));
        assertThat(provisions.forResident(code)).contains(r);
        AuditEntry entry = auditLog.entriesAbout(code).get(0);
        assertThat(entry.action()).isEqualTo(AuditAction.PROVIDE);
        assertThat(entry.purpose()).isEqualTo("住民票の写しの広域交付");
        assertThat(entry.detail()).contains("奥尻町長（013676）", "氏名、生年月日、性別、住所", "R-013676-2026-900001");
    }
}
