package jp.jukiflow.register.internal;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Hidden;
import jp.jukiflow.register.Resident;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff API (login required): one resident by 住民票コード, for the operator's own municipality only (another
 * municipality's resident is not found, like an unknown code). The purpose of the look-up is mandatory and goes into
 * the audit log.
 */
@RestController
@RequestMapping(path = "/staff/api/v1/residents", produces = "application/json")
@Hidden
class ResidentStaffApi {

    private final ResidentRegister register;

    ResidentStaffApi(ResidentRegister register) {
        this.register = register;
    }

    @GetMapping("/{residentCode}")
    ResidentView one(@PathVariable String residentCode, @RequestParam(required = false) String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new DomainRuleViolation("PURPOSE_REQUIRED", "照会の目的（purpose）を入力してください。個人情報の閲覧は目的とともに記録されます。");
        }
        ResidentCode code = ResidentCode.of(residentCode);
        // another municipality's resident reads exactly like an unknown code (404, same text)
        return register.findVisible(code, purpose).map(ResidentView::of)
                .orElseThrow(() -> new ResourceNotFound("RESIDENT_NOT_FOUND", "住民票コード " + code.value() + " の住民は見つかりません。"));
    }

    record ResidentView(String residentCode, String municipalityCode, String name, String nameKana, LocalDate birthDate,
                        String sex, String address, String relationship, String status, String nationality,
                        Long householdId) {
        static ResidentView of(Resident r) {
            return new ResidentView(r.code().value(), r.municipalityCode(), r.name().full(), r.name().fullKana(),
                    r.birthDate(), r.sex().label(), r.address(), r.relationship(), r.status().label(),
                    r.nationality().label(), r.householdId());
        }
    }
}
