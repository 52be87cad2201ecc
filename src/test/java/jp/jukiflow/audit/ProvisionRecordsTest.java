package jp.jukiflow.audit;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.security.TenantAccess;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Provision records (提供記録, docs/domain.md §8): stored with the providing municipality and the 提供年月日 of the clock,
 * listed newest first, each with its PROVIDE line in the audit log; an operator sees and records only their own
 * municipality's; records past the 7-year retention are deleted by the daily job (one statement, counted in the audit
 * log); the disclosure merges records and PROVIDE lines without listing a provision twice.
 */
@JukiflowTest
class ProvisionRecordsTest {

    static final List<String> ITEMS = List.of("氏名", "生年月日", "性別", "住所");

    @Autowired
    ProvisionRecords provisions;
    @Autowired
    AuditLog auditLog;
    @Autowired
    TenantAccess tenantAccess;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void asTheSystem() {
        // no web request, no login: the system, which acts for every municipality
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aProvisionIsRecordedWithTheDateOfTheClockAndAudited() {
        String code = freshResidentCode();
        ProvisionRecord r = provisions.record(provision(HAKODATE, code, "R-013676-2026-900001"));

        assertThat(r.id()).isPositive();
        assertThat(r.providedOn()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(r.recordedAt()).isEqualTo(Instant.parse("2026-11-26T01:00:00Z"));
        assertThat(r.providingMunicipalityCode()).isEqualTo(HAKODATE);
        assertThat(r.recipientLabel()).isEqualTo("奥尻町長（013676）");
        assertThat(provisions.forResident(code)).containsExactly(r);

        AuditEntry entry = auditLog.entriesAbout(code).get(0);
        assertThat(entry.action()).isEqualTo(AuditAction.PROVIDE);
        assertThat(entry.municipalityCode()).isEqualTo(HAKODATE);
        assertThat(entry.purpose()).isEqualTo("住民票の写しの広域交付");
        assertThat(entry.occurredAt()).isEqualTo(r.recordedAt());
        assertThat(entry.detail()).isEqualTo("提供記録番号：" + r.id()
                + "／提供先：奥尻町長（013676）／項目：氏名、生年月日、性別、住所／受付番号：R-013676-2026-900001");
        ProvisionDetail detail = ProvisionDetail.parse(entry.detail());
        assertThat(detail).isEqualTo(new ProvisionDetail(r.id(), "奥尻町長（013676）", ITEMS, "R-013676-2026-900001"));
    }

    @Test
    void recordsAreListedNewestFirst() {
        String code = freshResidentCode();
        ProvisionRecord older = at("2025-01-10T03:00:00Z", () -> provisions.record(provision(HAKODATE, code, "A")));
        ProvisionRecord newest = provisions.record(provision(HAKODATE, code, "C"));
        ProvisionRecord middle = at("2026-03-01T03:00:00Z", () -> provisions.record(provision(HAKODATE, code, "B")));

        assertThat(provisions.forResident(code)).extracting(ProvisionRecord::reference).containsExactly("C", "B", "A");
        assertThat(provisions.forResident(code)).containsExactly(newest, middle, older);
        assertThat(older.providedOn()).isEqualTo(LocalDate.of(2025, 1, 10));
    }

    @Test
    void aClerkSeesAndRecordsOnlyTheirOwnMunicipalitysProvisions() {
        String code = freshResidentCode();
        ProvisionRecord r = tenantAccess.actingFor("hakodate-clerk", HAKODATE,
                () -> provisions.record(provision(HAKODATE, code, "R-1")));

        assertThat(tenantAccess.actingFor("hakodate-clerk", HAKODATE, () -> provisions.forResident(code)))
                .containsExactly(r);
        assertThat(tenantAccess.actingFor("okushiri-clerk", OKUSHIRI, () -> provisions.forResident(code))).isEmpty();
        assertThat(tenantAccess.actingFor("okushiri-clerk", OKUSHIRI, () -> provisions.disclosureOf(code))).isEmpty();

        assertThatThrownBy(() -> tenantAccess.actingFor("okushiri-clerk", OKUSHIRI,
                () -> provisions.record(provision(HAKODATE, code, "R-2"))))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("権限がありません");
        assertThat(provisions.forResident(code)).containsExactly(r);
        assertThat(auditLog.entriesAbout(code)).filteredOn(e -> e.action() == AuditAction.PROVIDE).hasSize(1);
    }

    @Test
    void recordsPastTheRetentionAreDeletedByTheDailyJob() {
        assertThat(provisions.retention()).isEqualTo(Period.ofYears(7));
        String code = freshResidentCode();
        // today is 2026-11-26: seven years back is 2019-11-26, the first day still kept
        at("2019-11-25T03:00:00Z", () -> provisions.record(provision(HAKODATE, code, "expired")));
        at("2019-11-26T03:00:00Z", () -> provisions.record(provision(HAKODATE, code, "last-day")));
        at("2019-11-27T03:00:00Z", () -> provisions.record(provision(HAKODATE, code, "kept")));
        provisions.record(provision(HAKODATE, code, "today"));
        ProvisionPruningJob job = context.getBean(ProvisionPruningJob.class);

        int deleted = job.pruneExpired();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(provisions.forResident(code)).extracting(ProvisionRecord::reference)
                .containsExactly("today", "kept", "last-day");
        AuditEntry pruning = lastPruningEntry();
        assertThat(pruning.action()).isEqualTo(AuditAction.DELETE);
        assertThat(pruning.subjectResidentCode()).isNull();
        assertThat(pruning.detail()).contains("2019-11-26 より前の提供記録 " + deleted + " 件", "P7Y");
        // a second node running the same job a moment later finds nothing left to delete
        assertThat(job.pruneExpired()).isZero();

        // the next day, the last day's record goes too
        int nextDay = at("2026-11-26T15:00:00Z", job::pruneExpired);
        assertThat(nextDay).isGreaterThanOrEqualTo(1);
        assertThat(provisions.forResident(code)).extracting(ProvisionRecord::reference).containsExactly("today", "kept");
        assertThat(lastPruningEntry().detail()).contains("2019-11-27 より前");
    }

    @Test
    void theDisclosureListsRecordsAndProvideLinesOnceEach() {
        String code = freshResidentCode();
        ProvisionRecord old = at("2019-11-20T03:00:00Z", () -> provisions.record(new NewProvision(HAKODATE, code,
                "北海道知事", null, "本人確認情報の提供（都道府県）", List.of("氏名", "住所"), "P-1")));
        ProvisionRecord recent = provisions.record(provision(HAKODATE, code, "R-013676-2026-900002"));
        // a provision logged without a record (e.g. by a part that only audits), and one by another municipality
        at("2026-06-01T03:00:00Z", () -> {
            auditLog.record(AuditAction.PROVIDE, HAKODATE, code, "国の機関への提供",
                    ProvisionDetail.of("地方公共団体情報システム機構", List.of("氏名", "生年月日"), null).text());
            auditLog.record(AuditAction.PROVIDE, OKUSHIRI, code, "奥尻町の提供", "提供先：どこか");
            return null;
        });

        List<DisclosedProvision> lines = tenantAccess.actingFor("hakodate-clerk", HAKODATE,
                () -> provisions.disclosureOf(code));
        assertThat(lines).containsExactly(
                new DisclosedProvision(LocalDate.of(2026, 11, 26), "奥尻町長（013676）", "住民票の写しの広域交付", ITEMS,
                        "R-013676-2026-900002", DisclosedProvision.Source.PROVISION_RECORD),
                new DisclosedProvision(LocalDate.of(2026, 6, 1), "地方公共団体情報システム機構", "国の機関への提供",
                        List.of("氏名", "生年月日"), null, DisclosedProvision.Source.AUDIT_LOG),
                new DisclosedProvision(LocalDate.of(2019, 11, 20), "北海道知事", "本人確認情報の提供（都道府県）",
                        List.of("氏名", "住所"), "P-1", DisclosedProvision.Source.PROVISION_RECORD));
        assertThat(recent.id()).isNotEqualTo(old.id());

        // once the old record is pruned, its PROVIDE line in the audit log still tells the resident about it
        provisions.pruneExpired();
        List<DisclosedProvision> after = tenantAccess.actingFor("hakodate-clerk", HAKODATE,
                () -> provisions.disclosureOf(code));
        assertThat(after).hasSize(3);
        assertThat(after.get(2)).isEqualTo(new DisclosedProvision(LocalDate.of(2019, 11, 20), "北海道知事",
                "本人確認情報の提供（都道府県）", List.of("氏名", "住所"), "P-1", DisclosedProvision.Source.AUDIT_LOG));
    }

    @Test
    void aProvisionNeedsItsFacts() {
        String code = freshResidentCode();
        assertThatThrownBy(() -> new NewProvision(HAKODATE, code, " ", null, "目的", ITEMS, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewProvision(HAKODATE, code, "奥尻町長", "13676", "目的", ITEMS, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewProvision(HAKODATE, code, "奥尻町長", null, "目的", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewProvision(HAKODATE, code, "奥尻町長", null, "", ITEMS, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ProvisionDetail.parse("自由な記述")).isEqualTo(new ProvisionDetail(null, null, List.of(), null));
    }

    // ---- helpers ----

    static NewProvision provision(String provider, String code, String reference) {
        return new NewProvision(provider, code, "奥尻町長", OKUSHIRI, "住民票の写しの広域交付", ITEMS, reference);
    }

    /** A 住民票コード no other test uses (provision records do not need the person in this register). */
    static String freshResidentCode() {
        return ResidentCode.withCheckDigit(String.format("7%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L)))
                .value();
    }

    <T> T at(String instant, java.util.function.Supplier<T> work) {
        return TestClock.of(clock).at(Instant.parse(instant), work);
    }

    AuditEntry lastPruningEntry() {
        return jdbc.sql("""
                        select * from audit_log where purpose = '提供記録の保存期間経過による消去'
                        order by id desc fetch first 1 rows only""")
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("municipality_code"),
                        AuditAction.valueOf(rs.getString("action")), rs.getString("subject_resident_code"),
                        rs.getString("purpose"), rs.getString("detail")))
                .single();
    }
}
