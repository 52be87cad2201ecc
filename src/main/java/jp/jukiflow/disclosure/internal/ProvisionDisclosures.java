package jp.jukiflow.disclosure.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import jp.jukiflow.audit.ProvisionRecords;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.register.PersonName;
import jp.jukiflow.register.RemovedRecords;
import jp.jukiflow.register.Resident;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.shared.DomainRuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates a disclosure for one resident of the operator's municipality, or a former one whose 除票 it keeps. Reading the resident for it is the audited
 * access (READ, purpose {@value #PURPOSE}); a malformed 住民票コード is refused with 400, and a person the register does
 * not hold and another municipality's resident alike with 404 and the same message (nothing tells whether such a
 * person exists elsewhere).
 */
@Service
class ProvisionDisclosures {

    static final String PURPOSE = "提供状況の開示";

    private final ResidentRegister register;
    private final RemovedRecords removedRecords;
    private final ProvisionRecords provisions;
    private final MunicipalityDirectory municipalities;
    private final Clock clock;

    ProvisionDisclosures(ResidentRegister register, RemovedRecords removedRecords, ProvisionRecords provisions,
                         MunicipalityDirectory municipalities, Clock clock) {
        this.register = register;
        this.removedRecords = removedRecords;
        this.provisions = provisions;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    @Transactional
    Disclosure generate(String rawResidentCode) {
        ResidentCode code;
        try {
            code = ResidentCode.of(rawResidentCode);
        } catch (DomainRuleViolation e) {
            throw new DisclosureRefused(HttpStatus.BAD_REQUEST, e.code(), e.messageJa());
        }
        Optional<Resident> found = register.findVisible(code, PURPOSE);
        // a person who moved away (or was removed otherwise) is found by this municipality's 除票
        Person person = found.map(r -> new Person(r.name(), r.birthDate(), r.municipalityCode()))
                .or(() -> removedRecords.visibleOf(code, PURPOSE).stream().findFirst()
                        .map(r -> new Person(r.name(), r.birthDate(), r.municipalityCode())))
                .orElseThrow(() -> new DisclosureRefused(HttpStatus.NOT_FOUND, "RESIDENT_NOT_FOUND",
                        "入力された住民票コードの住民は、あなたの市区町村の住民基本台帳に見つかりません。住民票コードを確認してください。"));
        String municipalityName = municipalities.find(LocalGovernmentCode.of(person.municipalityCode()))
                .map(Municipality::name).orElse(person.municipalityCode());
        return new Disclosure(code.value(), person.name().full(), person.name().fullKana(), person.birthDate(),
                person.municipalityCode(), municipalityName, LocalDate.now(clock), provisions.retention(),
                provisions.disclosureOf(code.value()));
    }

    private record Person(PersonName name, LocalDate birthDate, String municipalityCode) {
    }
}
