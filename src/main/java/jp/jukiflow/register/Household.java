package jp.jukiflow.register;

/** 世帯: an address and its head. */
public record Household(long id, String municipalityCode, String postalCode, String address,
                        String headResidentCode) {
}
