package jp.jukiflow.disclosure.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import jp.jukiflow.audit.ProvisionRecords;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.register.Resident;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.shared.DomainRuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates a disclosure for one resident of the operator's municipality. Reading the resident for it is the audited
 * access (READ, purpose {@value #PURPOSE}); a malformed 住民票コード is refused with 400, and a person the register does
 * not hold and another municipality's resident alike with 404 and the same message (nothing tells whether such a
 * person exists elsewhere).
 */
@Service
class ProvisionDisclosures {

    static final String PURPOSE = "提供状況の開示";

    private final ResidentRegister register;
    private final ProvisionRecords provisions;
    private final MunicipalityDirectory municipalities;
    private final Clock clock;

    ProvisionDisclosures(ResidentRegister register, ProvisionRecords provisions, MunicipalityDirectory municipalities,
                         Clock clock) {
        this.register = register;
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
        Optional<Resident> found;
        try {
            found = register.find(code, PURPOSE);
        } catch (AccessDeniedException e) {
            found = Optional.empty();
        }
        Resident resident = found.orElseThrow(() -> new DisclosureRefused(HttpStatus.NOT_FOUND, "RESIDENT_NOT_FOUND",
                "入力された住民票コードの住民は、あなたの市区町村の住民基本台帳に見つかりません。住民票コードを確認してください。"));
        String municipalityName = municipalities.find(LocalGovernmentCode.of(resident.municipalityCode()))
                .map(Municipality::name).orElse(resident.municipalityCode());
        return new Disclosure(code.value(), resident.name().full(), resident.name().fullKana(), resident.birthDate(),
                resident.municipalityCode(), municipalityName, LocalDate.now(clock), provisions.retention(),
                provisions.disclosureOf(code.value()));
    }
}
