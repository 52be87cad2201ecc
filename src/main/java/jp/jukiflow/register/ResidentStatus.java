package jp.jukiflow.register;

/** Where a person stands in the register: living here, moving out as planned, or deleted (除票). */
public enum ResidentStatus {
    RESIDENT("住民"),
    MOVING_OUT("転出予定"),
    DELETED("除票");

    private final String label;

    ResidentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
