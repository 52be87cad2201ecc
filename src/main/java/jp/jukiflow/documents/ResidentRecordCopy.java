package jp.jukiflow.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a copy of the resident record issued in the wide area (住民票の写しの広域交付, docs/domain.md §7) shows. By construction
 * it has no place for 本籍, 筆頭者 or the in-town address history: they never leave the home municipality. The copy is
 * of one household (世帯連記式); {@code relationship} and {@code residentCode} of a person are null unless the requester
 * asked for 続柄 / 住民票コード ({@code showRelationship}, {@code showResidentCode}).
 */
public record ResidentRecordCopy(String receiptNumber, String issuingMunicipalityCode, String issuingMunicipalityName,
        String certifierTitle /* e.g. "奥尻町長" */, LocalDate issuedOn, String homeMunicipalityName,
        String address, String householdHeadName, boolean showRelationship, boolean showResidentCode,
        List<Person> persons) {

    public ResidentRecordCopy {
        Objects.requireNonNull(receiptNumber, "receiptNumber");
        Objects.requireNonNull(issuingMunicipalityName, "issuingMunicipalityName");
        Objects.requireNonNull(certifierTitle, "certifierTitle");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(address, "address");
        persons = List.copyOf(Objects.requireNonNull(persons, "persons"));
        if (persons.isEmpty()) {
            throw new IllegalArgumentException("A copy of the resident record shows at least one person");
        }
    }

    /** One person of the household as the copy shows them. */
    public record Person(String name, String nameKana, LocalDate birthDate, String sex /* 男/女 */,
            String relationship /* null when not shown */, String residentCode /* null when not shown */,
            LocalDate becameResidentOn /* nullable */, LocalDate addressSince /* nullable */) {

        public Person {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(birthDate, "birthDate");
        }
    }
}
