package jp.jukiflow.register;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import jp.jukiflow.audit.AuditAction;
import jp.jukiflow.audit.AuditEntry;
import jp.jukiflow.audit.AuditLog;
import jp.jukiflow.security.TenantAccess;
import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Registering a special transfer-in from the 転出証明書情報 alone (a move between deployments): a person this register
 * does not hold is created from the certificate's facts; one it holds (one deployment, or the holder kept as
 * {@code MOVING_IN} for their card) goes the update path. Each test uses fresh 住民票コード.
 */
@JukiflowTest
class ResidentRegisterFromCertificateTest {


    @Autowired
    ResidentRegister register;
    @Autowired
    AuditLog audit;
    @Autowired
    TenantAccess tenantAccess;

    @Test
    void anUnknownMoverIsCreatedFromTheCertificate() {
        MovingInPerson person = freshPerson("函館　次郎", "ハコダテ ジロウ");
        Household household = register.createHousehold(HAKODATE, "040-0001", "北海道函館市五稜郭町1番1号");

        register.registerMovedInFromCertificate(person, HAKODATE, household, Resident.HEAD_OF_HOUSEHOLD,
                LocalDate.of(2026, 11, 25), "013676-2026-900001", "特例転入の記載");

        Resident r = register.find(person.code(), "テスト").orElseThrow();
        assertThat(r.code()).isEqualTo(person.code());
        assertThat(r.name()).isEqualTo(new PersonName("函館", "次郎", "ハコダテ", "ジロウ"));
        assertThat(r.birthDate()).isEqualTo(LocalDate.of(1985, 6, 15));
        assertThat(r.sex()).isEqualTo(Sex.MALE);
        assertThat(r.status()).isEqualTo(ResidentStatus.RESIDENT);
        assertThat(r.municipalityCode()).isEqualTo(HAKODATE);
        assertThat(r.householdId()).isEqualTo(household.id());
        assertThat(r.postalCode()).isEqualTo("040-0001");
        assertThat(r.address()).isEqualTo("北海道函館市五稜郭町1番1号");
        assertThat(r.relationship()).isEqualTo(Resident.HEAD_OF_HOUSEHOLD);
        assertThat(r.honseki()).isNull();
        assertThat(r.hittosha()).isNull();
        assertThat(register.household(household.id()).orElseThrow().headResidentCode()).isEqualTo(person.code().value());
        assertThat(register.events(person.code())).containsExactly(ResidentRegister.EVENT_TRANSFER_IN);
        assertThat(audit.entriesAbout(person.code().value())).filteredOn(e -> e.action() == AuditAction.CREATE)
                .singleElement().satisfies(e -> {
                    assertThat(e.municipalityCode()).isEqualTo(HAKODATE);
                    assertThat(e.purpose()).isEqualTo("特例転入の記載");
                    assertThat(e.detail()).contains("転入 2026-11-25", "転出証明書情報");
                });
    }

    @Test
    void aMoverThisRegisterHoldsGoesTheUpdatePathAndKeepsTheRow() {
        MovingInPerson person = freshPerson("奥尻 三郎", "オクシリ サブロウ");
        Household old = register.createHousehold(OKUSHIRI, "043-1401", "北海道奥尻郡奥尻町奥尻806番地");
        register.register(new Resident(person.code(), OKUSHIRI, old.id(), person.name(), person.birthDate(),
                person.sex(), "043-1401", old.address(), Resident.HEAD_OF_HOUSEHOLD, ResidentStatus.RESIDENT,
                Nationality.JAPANESE, "北海道奥尻郡奥尻町奥尻1番地", "奥尻 三郎", null, null, null), "テスト");
        Household household = register.createHousehold(HAKODATE, "040-0001", "北海道函館市五稜郭町1番1号");

        // a certificate spelling the name differently does not rewrite the register's row
        register.registerMovedInFromCertificate(freshPersonWithCode(person.code(), "奥尻　三郎", "オクシリ　サブロウ"),
                HAKODATE, household, Resident.HEAD_OF_HOUSEHOLD, LocalDate.of(2026, 11, 25), "013676-2026-900002",
                "特例転入の記載");

        Resident r = register.find(person.code(), "テスト").orElseThrow();
        assertThat(r.status()).isEqualTo(ResidentStatus.RESIDENT);
        assertThat(r.municipalityCode()).isEqualTo(HAKODATE);
        assertThat(r.householdId()).isEqualTo(household.id());
        assertThat(r.name()).isEqualTo(person.name());
        assertThat(r.honseki()).isEqualTo("北海道奥尻郡奥尻町奥尻1番地");
        assertThat(register.events(person.code())).containsExactly(ResidentRegister.EVENT_TRANSFER_IN);
        assertThat(audit.entriesAbout(person.code().value())).extracting(AuditEntry::action)
                .containsOnlyOnce(AuditAction.CREATE).contains(AuditAction.UPDATE);
    }

    @Test
    void theHolderOfAPresentedCardIsKeptAsMovingInUntilRegistered() {
        MovingInPerson person = freshPerson("函館 四郎", "ハコダテ シロウ");

        assertThat(register.recordExpectedMoveIn(person, HAKODATE, "北海道函館市五稜郭町1番1号", "世帯主",
                "013676-2026-900003", "特例転入のカードの確認")).isTrue();
        // again (a retried step): nothing changes
        assertThat(register.recordExpectedMoveIn(person, HAKODATE, "別の住所", "世帯主", "013676-2026-900003",
                "特例転入のカードの確認")).isFalse();

        Resident waiting = register.find(person.code(), "テスト").orElseThrow();
        assertThat(waiting.status()).isEqualTo(ResidentStatus.MOVING_IN);
        assertThat(waiting.status().label()).isEqualTo("転入予定");
        assertThat(waiting.municipalityCode()).isEqualTo(HAKODATE);
        assertThat(waiting.householdId()).isNull();
        assertThat(waiting.address()).isEqualTo("北海道函館市五稜郭町1番1号");
        assertThat(waiting.honseki()).isNull();
        assertThat(register.events(person.code())).isEmpty();
        // found by the register match with that status, which a transfer-out's check does not take as a resident
        assertThat(register.match(HAKODATE, "函館", "四郎", person.birthDate(), "テスト"))
                .filteredOn(r -> r.code().equals(person.code())).extracting(Resident::status)
                .containsExactly(ResidentStatus.MOVING_IN);

        Household household = register.createHousehold(HAKODATE, "040-0001", "北海道函館市五稜郭町1番1号");
        register.registerMovedInFromCertificate(person, HAKODATE, household, Resident.HEAD_OF_HOUSEHOLD,
                LocalDate.of(2026, 11, 25), "013676-2026-900003", "特例転入の記載");
        Resident registered = register.find(person.code(), "テスト").orElseThrow();
        assertThat(registered.status()).isEqualTo(ResidentStatus.RESIDENT);
        assertThat(registered.householdId()).isEqualTo(household.id());
        assertThat(register.events(person.code())).containsExactly(ResidentRegister.EVENT_TRANSFER_IN);
    }

    @Test
    void namesFromTheCertificateAreSplitAtTheFirstSpace() {
        assertThat(PersonName.fromCertificate("山田 太郎", "ヤマダ タロウ"))
                .isEqualTo(new PersonName("山田", "太郎", "ヤマダ", "タロウ"));
        assertThat(PersonName.fromCertificate(" 山田　　太郎 ", "ヤマダ　タロウ"))
                .isEqualTo(new PersonName("山田", "太郎", "ヤマダ", "タロウ"));
        // a given name with a space of its own stays whole
        assertThat(PersonName.fromCertificate("スミス ジョン ポール", "スミス ジョン ポール"))
                .isEqualTo(new PersonName("スミス", "ジョン ポール", "スミス", "ジョン ポール"));
        // a reading typed in one piece is kept, not guessed apart
        assertThat(PersonName.fromCertificate("山田 太郎", "ヤマダタロウ"))
                .isEqualTo(new PersonName("山田", "太郎", "ヤマダタロウ", ""));
        assertThat(PersonName.fromCertificate("山田 太郎", null))
                .isEqualTo(new PersonName("山田", "太郎", "", ""));
        PersonName roundTrip = new PersonName("佐藤", "花子", "サトウ", "ハナコ");
        assertThat(PersonName.fromCertificate(roundTrip.full(), roundTrip.fullKana())).isEqualTo(roundTrip);
    }

    @Test
    void anOperatorOfAnotherMunicipalityCannotCreateTheRow() {
        MovingInPerson person = freshPerson("函館 五郎", "ハコダテ ゴロウ");
        assertThatThrownBy(() -> tenantAccess.actingFor("jukinet:013676", OKUSHIRI,
                () -> register.recordExpectedMoveIn(person, HAKODATE, "北海道函館市", "世帯主", "r", "テスト")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(register.find(person.code(), "テスト")).isEmpty();
    }

    private MovingInPerson freshPerson(String name, String kana) {
        ResidentCode code;
        do {
            code = ResidentCode.withCheckDigit("6" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)));
        } while (register.find(code, "テスト").isPresent());
        return freshPersonWithCode(code, name, kana);
    }

    private static MovingInPerson freshPersonWithCode(ResidentCode code, String name, String kana) {
        return new MovingInPerson(code, PersonName.fromCertificate(name, kana), LocalDate.of(1985, 6, 15), Sex.MALE);
    }
}
