package jp.jukiflow.register.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jp.jukiflow.documents.RemovedRecordCopy;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.register.RemovedRecord;
import jp.jukiflow.register.RemovedRecords;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.shared.DomainRuleViolation;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.stereotype.Component;

/**
 * What the staff API and the staff pages of the 除票 share: the input checks (a purpose is mandatory, a 住民票コード must
 * be well-formed: 400 with the reason) and the look-ups of the operator's municipality's 除票 (404 with the same text for
 * an unknown one and another municipality's), and the copy (除票の写し) as the documents module prints it.
 */
@Component
class RemovedRecordQueries {

    static final String COPY_PURPOSE = "除票の写しの交付";

    private final RemovedRecords records;
    private final MunicipalityDirectory municipalities;
    private final Clock clock;

    RemovedRecordQueries(RemovedRecords records, MunicipalityDirectory municipalities, Clock clock) {
        this.records = records;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    List<RemovedRecord> ofResident(String rawCode, String purpose) {
        requirePurpose(purpose);
        if (rawCode == null || rawCode.isBlank()) {
            throw new DomainRuleViolation("RESIDENT_CODE_REQUIRED", "住民票コード（11桁）を入力してください。");
        }
        ResidentCode code = ResidentCode.of(rawCode.strip());
        List<RemovedRecord> found = records.visibleOf(code, purpose.strip());
        if (found.isEmpty()) {
            throw new ResourceNotFound("REMOVED_RECORD_NOT_FOUND",
                    "住民票コード " + code.value() + " の方の除票は、この市区町村に見つかりません。");
        }
        return found;
    }

    RemovedRecord one(String rawId, String purpose) {
        requirePurpose(purpose);
        return records.findVisible(id(rawId), purpose.strip()).orElseThrow(RemovedRecordQueries::unknown);
    }

    /** The copy of one 除票 (audited as an issue, with whether 本籍・筆頭者 are shown). */
    RemovedRecordCopy copy(String rawId, String purpose, boolean showHonseki) {
        requirePurpose(purpose);
        RemovedRecord r = records.certify(id(rawId), purpose.strip(), showHonseki)
                .orElseThrow(RemovedRecordQueries::unknown);
        LocalDate today = LocalDate.now(clock);
        String name = municipalityName(r.municipalityCode());
        return new RemovedRecordCopy("除票-" + r.id() + "-" + today.toString().replace("-", ""), name,
                r.municipalityCode(), name + "長", today, r.name().full(), r.name().fullKana(), r.birthDate(),
                r.sex().label(), r.address(), r.headOfHousehold(), r.relationship(), r.code().value(), showHonseki,
                r.honseki(), r.hittosha(), r.reason().label(), r.removedOn(), destination(r));
    }

    String municipalityName(String code) {
        return municipalities.find(LocalGovernmentCode.of(code)).map(Municipality::name).orElse(code);
    }

    String destination(RemovedRecord r) {
        if (r.destinationCode() == null && r.destinationAddress() == null) {
            return null;
        }
        String town = r.destinationCode() == null ? "" : municipalityName(r.destinationCode()) + "　";
        return town + (r.destinationAddress() == null ? "" : r.destinationAddress());
    }

    private static long id(String rawId) {
        if (rawId == null || !rawId.strip().matches("\\d{1,18}")) {
            throw unknown();
        }
        return Long.parseLong(rawId.strip());
    }

    private static void requirePurpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new DomainRuleViolation("PURPOSE_REQUIRED",
                    "照会の目的（purpose）を入力してください。個人情報の閲覧は目的とともに記録されます。");
        }
        if (purpose.length() > 200) {
            throw new DomainRuleViolation("PURPOSE_TOO_LONG", "照会の目的は200文字以内で入力してください。");
        }
    }

    private static ResourceNotFound unknown() {
        return new ResourceNotFound("REMOVED_RECORD_NOT_FOUND", "指定された除票は見つかりません。");
    }
}
