package jp.jukiflow.register;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.security.TenantAccess;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.ResourceNotFound;
import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The 除票 (docs/domain.md §10): every removal path keeps the record as it stood with the reason and the date, in the
 * removing municipality's name only; {@code remove} refuses bad input with a Japanese reason and stores nothing; the
 * retention is a setting (150 years) and the pruning deletes only what is past it. Today is 2026-11-26 (TestClock).
 */
@JukiflowTest
class RemovedRecordsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Autowired
    ResidentRegister register;
    @Autowired
    RemovedRecords removed;
    @Autowired
    TenantAccess tenantAccess;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @EnumSource(value = RemovalReason.class, names = {"ABROAD", "DEATH", "EX_OFFICIO"})
    void aRemovalKeepsTheRecordAsItStoodWithTheReasonAndTheDate(RemovalReason reason) {
        Resident r = freshResident(OKUSHIRI);

        RemovedRecord kept = register.remove(r.code(), OKUSHIRI, reason, TODAY, "REF-" + reason, "テストの消除");

        assertThat(kept.municipalityCode()).isEqualTo(OKUSHIRI);
        assertThat(kept.code()).isEqualTo(r.code());
        assertThat(kept.name()).isEqualTo(r.name());
        assertThat(kept.birthDate()).isEqualTo(r.birthDate());
        assertThat(kept.sex()).isEqualTo(r.sex());
        assertThat(kept.address()).isEqualTo(r.address());
        assertThat(kept.headOfHousehold()).isEqualTo(r.name().full());
        assertThat(kept.relationship()).isEqualTo("世帯主");
        assertThat(kept.honseki()).isEqualTo("北海道奥尻郡奥尻町奥尻1番地");
        assertThat(kept.hittosha()).isEqualTo(r.name().full());
        assertThat(kept.reason()).isEqualTo(reason);
        assertThat(kept.removedOn()).isEqualTo(TODAY);
        assertThat(kept.reference()).isEqualTo("REF-" + reason);
        assertThat(kept.retainUntil()).isEqualTo(TODAY.plusYears(150));
        assertThat(register.find(r.code(), "テスト").orElseThrow().status()).isEqualTo(ResidentStatus.DELETED);
        assertThat(register.events(r.code())).containsExactly(ResidentRegister.EVENT_REMOVED_PREFIX + reason.name());
        assertThat(audit.entriesAbout(r.code().value())).filteredOn(e -> e.action() == AuditAction.DELETE)
                .singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo(reason.label() + " " + TODAY));
        // only the removing municipality sees it, and each read is audited
        assertThat(as(HAKODATE, () -> removed.visibleOf(r.code(), "テスト"))).isEmpty();
        assertThat(as(HAKODATE, () -> removed.findVisible(kept.id(), "テスト"))).isEmpty();
        assertThat(as(OKUSHIRI, () -> removed.visibleOf(r.code(), "照会テスト"))).containsExactly(kept);
        assertThat(audit.entriesAbout(r.code().value())).filteredOn(e -> "照会テスト".equals(e.purpose()))
                .singleElement().satisfies(e -> assertThat(e.action()).isEqualTo(AuditAction.READ));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(null, TODAY, "REMOVAL_REASON_REQUIRED", "消除の事由"),
                Arguments.of(RemovalReason.DEATH, null, "REMOVAL_DATE_REQUIRED", "消除の事由が生じた日"),
                Arguments.of(RemovalReason.ABROAD, TODAY.plusDays(1), "REMOVAL_DATE_IN_FUTURE", "今日より後"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void badInputIsRefusedInJapaneseAndNothingIsStored(RemovalReason reason, LocalDate date, String code,
                                                       String text) {
        Resident r = freshResident(OKUSHIRI);
        assertThatThrownBy(() -> register.remove(r.code(), OKUSHIRI, reason, date, "REF", "テスト"))
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.messageJa()).contains(text);
                });
        assertNothingRemoved(r);
    }

    @Test
    void aPersonWhoIsNotAResidentThereIsNotFoundAndARemovedOneNotRemovedTwice() {
        Resident r = freshResident(OKUSHIRI);
        // another municipality's resident reads as unknown
        assertThatThrownBy(() -> register.remove(r.code(), HAKODATE, RemovalReason.DEATH, TODAY, "REF", "テスト"))
                .isInstanceOfSatisfying(ResourceNotFound.class,
                        e -> assertThat(e.code()).isEqualTo("RESIDENT_NOT_FOUND"));
        assertNothingRemoved(r);
        // an operator of another municipality may not act for 奥尻町
        assertThatThrownBy(() -> as(HAKODATE, () -> register.remove(r.code(), OKUSHIRI, RemovalReason.DEATH, TODAY,
                "REF", "テスト"))).isInstanceOf(AccessDeniedException.class);
        assertNothingRemoved(r);

        register.remove(r.code(), OKUSHIRI, RemovalReason.DEATH, TODAY.minusDays(2), "REF", "テスト");
        assertThatThrownBy(() -> register.remove(r.code(), OKUSHIRI, RemovalReason.EX_OFFICIO, TODAY, "REF", "テスト"))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("RESIDENT_ALREADY_REMOVED"));
        assertThat(removed.visibleOf(r.code(), "テスト")).singleElement()
                .satisfies(k -> assertThat(k.reason()).isEqualTo(RemovalReason.DEATH));
    }

    @Test
    void aTransferOutConfirmedWhileTheOriginHoldsTheRowKeepsTheDestination() {
        Resident r = freshResident(OKUSHIRI);
        register.recordPlannedMoveOut(r.code(), TODAY.plusDays(5), HAKODATE, "北海道函館市本町2番2号", "RCPT-1", "テスト");

        register.confirmMoveOut(r.code(), OKUSHIRI, TODAY.minusDays(1), "RCPT-1", "テスト");

        assertThat(removed.visibleOf(r.code(), "テスト")).singleElement().satisfies(k -> {
            assertThat(k.reason()).isEqualTo(RemovalReason.TRANSFER_OUT);
            assertThat(k.removedOn()).isEqualTo(TODAY.minusDays(1));
            assertThat(k.address()).isEqualTo(r.address());
            assertThat(k.destinationCode()).isEqualTo(HAKODATE);
            assertThat(k.destinationAddress()).isEqualTo("北海道函館市本町2番2号");
        });
    }

    @Test
    void inOneDeploymentTheOriginsRecordIsCapturedAtTheHandOverAndBecomesItsRemovedRecordOnTheConfirmation() {
        Resident r = freshResident(OKUSHIRI);
        register.recordPlannedMoveOut(r.code(), TODAY.plusDays(5), HAKODATE, "北海道函館市本町3番3号", "RCPT-2", "テスト");
        Household household = register.createHousehold(HAKODATE, "040-0011", "北海道函館市本町3番3号");
        register.registerMovedIn(r.code(), HAKODATE, household, Resident.HEAD_OF_HOUSEHOLD, TODAY.minusDays(1),
                "RCPT-2", "テスト");
        // captured, not a 除票 yet: nobody sees it
        assertThat(removed.visibleOf(r.code(), "テスト")).isEmpty();

        as(OKUSHIRI, () -> {
            register.confirmMoveOut(r.code(), OKUSHIRI, TODAY.minusDays(1), "RCPT-2", "テスト");
            return null;
        });

        assertThat(as(OKUSHIRI, () -> removed.visibleOf(r.code(), "テスト"))).singleElement().satisfies(k -> {
            assertThat(k.municipalityCode()).isEqualTo(OKUSHIRI);
            assertThat(k.address()).isEqualTo(r.address());
            assertThat(k.honseki()).isEqualTo("北海道奥尻郡奥尻町奥尻1番地");
            assertThat(k.reason()).isEqualTo(RemovalReason.TRANSFER_OUT);
            assertThat(k.destinationCode()).isEqualTo(HAKODATE);
        });
        assertThat(as(HAKODATE, () -> removed.visibleOf(r.code(), "テスト"))).isEmpty();
        // the destination's row is its own and untouched
        Resident now = register.find(r.code(), "テスト").orElseThrow();
        assertThat(now.municipalityCode()).isEqualTo(HAKODATE);
        assertThat(now.status()).isEqualTo(ResidentStatus.RESIDENT);
        assertThat(now.address()).isEqualTo("北海道函館市本町3番3号");
    }

    @Test
    void retentionIsASettingAndOnlyRecordsPastItArePruned() {
        assertThat(removed.retention()).isEqualTo(java.time.Period.ofYears(150));
        Resident old = freshResident(OKUSHIRI);
        Resident recent = freshResident(OKUSHIRI);
        // removed in 1870: kept to 2020, past; removed today: kept to 2176
        register.remove(old.code(), OKUSHIRI, RemovalReason.DEATH, LocalDate.of(1870, 1, 1), "REF", "テスト");
        register.remove(recent.code(), OKUSHIRI, RemovalReason.DEATH, TODAY, "REF", "テスト");

        assertThat(removed.pruneExpired()).isGreaterThanOrEqualTo(1);

        assertThat(removed.visibleOf(old.code(), "テスト")).isEmpty();
        assertThat(removed.visibleOf(recent.code(), "テスト")).hasSize(1);
    }

    private void assertNothingRemoved(Resident r) {
        assertThat(register.find(r.code(), "テスト").orElseThrow().status()).isEqualTo(ResidentStatus.RESIDENT);
        assertThat(jdbc.sql("select count(*) from removed_record where resident_code = ?").param(r.code().value())
                .query(Long.class).single()).isZero();
        assertThat(register.events(r.code())).isEmpty();
    }

    private <T> T as(String municipality, java.util.function.Supplier<T> work) {
        return tenantAccess.actingFor(municipality + "-clerk", municipality, work);
    }

    private Resident freshResident(String municipality) {
        ResidentCode code;
        do {
            code = ResidentCode.withCheckDigit("7" + String.format("%09d",
                    ThreadLocalRandom.current().nextInt(1_000_000_000)));
        } while (register.find(code, "テスト").isPresent());
        Household h = register.createHousehold(municipality, "043-1401", "北海道奥尻郡奥尻町奥尻" + code.value().substring(6) + "番地");
        PersonName name = new PersonName("除票", "太郎" + code.value().substring(8), "ジョヒョウ", "タロウ");
        Resident r = new Resident(code, municipality, h.id(), name, LocalDate.of(1970, 5, 5), Sex.MALE, "043-1401",
                h.address(), Resident.HEAD_OF_HOUSEHOLD, ResidentStatus.RESIDENT, Nationality.JAPANESE,
                "北海道奥尻郡奥尻町奥尻1番地", name.full(), null, null, null);
        register.register(r, "テスト");
        return r;
    }
}
