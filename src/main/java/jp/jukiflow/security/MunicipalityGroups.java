package jp.jukiflow.security;

/** Names of the Camunda groups of a municipality: its clerks and its managers. The tenant id is the code. */
public final class MunicipalityGroups {

    private MunicipalityGroups() {
    }

    public static String clerks(String municipalityCode) {
        return municipalityCode + "-clerks";
    }

    public static String managers(String municipalityCode) {
        return municipalityCode + "-managers";
    }
}
