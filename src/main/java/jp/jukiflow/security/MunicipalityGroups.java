package jp.jukiflow.security;

/** Names of the Camunda groups of a municipality: its clerks and its managers. The tenant id is the code. */
public final class MunicipalityGroups {

    /**
     * The operators of the 24-hour line for My Number Card suspensions (any municipality, any hour): they may only
     * call {@code POST /api/v1/card-suspensions}; no tenant, no Tasklist.
     */
    public static final String CALL_CENTER = "callcenter";

    /**
     * Operators of the monitoring system (Prometheus): may scrape {@code /actuator/prometheus} for every municipality;
     * no tenant, no Tasklist, no dashboard.
     */
    public static final String MONITORING = "monitoring";

    private static final String MANAGERS_SUFFIX = "-managers";

    private MunicipalityGroups() {
    }

    public static String clerks(String municipalityCode) {
        return municipalityCode + "-clerks";
    }

    public static String managers(String municipalityCode) {
        return municipalityCode + MANAGERS_SUFFIX;
    }

    /** The municipality whose managers' group this is, or null for any other group. */
    public static String managedMunicipality(String groupId) {
        return groupId != null && groupId.endsWith(MANAGERS_SUFFIX)
                ? groupId.substring(0, groupId.length() - MANAGERS_SUFFIX.length()) : null;
    }
}
