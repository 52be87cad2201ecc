package jp.jukiflow.register;

import java.time.LocalDate;

/**
 * A person in the resident register (住民票). {@code honseki} and {@code hittosha} are set for nationals only and
 * must never leave the municipality in a wide-area copy.
 */
public record Resident(ResidentCode code, String municipalityCode, Long householdId, PersonName name,
                       LocalDate birthDate, Sex sex, String postalCode, String address, String relationship,
                       ResidentStatus status, Nationality nationality, String honseki, String hittosha,
                       LocalDate stayExpiresOn, String email, String phone) {

    public boolean isHeadOfHousehold() {
        return HEAD_OF_HOUSEHOLD.equals(relationship);
    }

    /** 続柄 of the head of household. */
    public static final String HEAD_OF_HOUSEHOLD = "世帯主";

    @Override
    public String toString() {
        return "Resident[" + code + "]";
    }
}
