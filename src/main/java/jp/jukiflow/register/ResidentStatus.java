package jp.jukiflow.register;

/**
 * Where a person stands in the register: living here, moving out as planned, deleted (除票), or not yet resident here:
 * {@link #MOVING_IN} is the row a destination keeps for the holder of a card presented at its counter for a special
 * transfer-in (the card's row needs its holder's), until the transfer-in registers them.
 */
public enum ResidentStatus {
    RESIDENT("住民"),
    MOVING_OUT("転出予定"),
    DELETED("除票"),
    MOVING_IN("転入予定");

    private final String label;

    ResidentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Whether the person is a resident here and is served as one: living here, or moving out but not moved yet
     * (転出予定 is still a resident until the move, docs/domain.md §10). Every service asks this, never {@code == RESIDENT}.
     */
    public boolean isResident() {
        return this == RESIDENT || this == MOVING_OUT;
    }
}
