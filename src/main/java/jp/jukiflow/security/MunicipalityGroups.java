package jp.jukiflow.security;

/** Names of the Camunda groups of a municipality: its clerks and its managers. The tenant id is the code. */
public final class MunicipalityGroups {

    /**
     * The operators of the 24-hour line for My Number Card suspensions (any municipality, any hour): they may only
     * call {@code POST /api/v1/card-suspensions}; no tenant, no Tasklist.
     */
    public static final String CALL_CENTER = "callcenter";

    private MunicipalityGroups() {
    }

    public static String clerks(String municipalityCode) {
        return municipalityCode + "-clerks";
    }

    public static String managers(String municipalityCode) {
        return municipalityCode + "-managers";
    }
}
