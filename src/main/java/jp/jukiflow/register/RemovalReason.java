package jp.jukiflow.register;

/** Why a person was removed from a municipality's register (住民票消除), as the 除票 states it. */
public enum RemovalReason {
    TRANSFER_OUT("転出"),
    ABROAD("国外転出"),
    DEATH("死亡"),
    EX_OFFICIO("職権消除");

    private final String label;

    RemovalReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
