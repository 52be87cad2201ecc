package jp.jukiflow.audit;

import static jp.jukiflow.support.Towns.HAKODATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Every read of a resident through the project's code leaves who, when, what, whose and why in the audit log. */
@JukiflowTest
class AuditLogTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditLog auditLog;
    @Autowired
    ResidentRegister register;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aClerksLookUpIsLoggedWithActorTimeAndPurpose() throws Exception {
        String code = jdbc.sql("select max(resident_code) from resident where municipality_code = '012025'")
                .query(String.class).single();
        mvc.perform(get("/staff/api/v1/residents/" + code).param("purpose", "転出届の審査")
                        .with(httpBasic("hakodate-clerk", "hakodate-clerk")))
                .andExpect(status().isOk());

        AuditEntry latest = auditLog.entriesAbout(code).get(0);
        assertThat(latest.actor()).isEqualTo("hakodate-clerk");
        assertThat(latest.action()).isEqualTo(AuditAction.READ);
        assertThat(latest.purpose()).isEqualTo("転出届の審査");
        assertThat(latest.municipalityCode()).isEqualTo(HAKODATE);
        // the test clock is pinned to 2026-11-26 10:00 JST
        assertThat(latest.occurredAt()).isEqualTo(Instant.parse("2026-11-26T01:00:00Z"));
    }

    @Test
    void aRefusedLookUpOfAnotherMunicipalityIsNotRecordedAsARead() throws Exception {
        String code = jdbc.sql("select min(resident_code) from resident where municipality_code = '012025'")
                .query(String.class).single();
        int before = auditLog.entriesAbout(code).size();
        mvc.perform(get("/staff/api/v1/residents/" + code).param("purpose", "確認")
                        .with(httpBasic("okushiri-clerk", "okushiri-clerk")))
                .andExpect(status().isNotFound());
        assertThat(auditLog.entriesAbout(code)).hasSize(before);
    }

    @Test
    void systemReadsAreLoggedAsSystem() {
        String code = jdbc.sql("select min(resident_code) from resident where municipality_code = '013676'")
                .query(String.class).single();
        // a startup runner or job: no web request, no login
        org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        register.find(ResidentCode.of(code), "統計のための集計");
        List<AuditEntry> entries = auditLog.entriesAbout(code);
        assertThat(entries.get(0).actor()).isEqualTo(CurrentActor.SYSTEM);
        assertThat(entries.get(0).purpose()).isEqualTo("統計のための集計");
    }
}
