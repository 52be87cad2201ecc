package jp.jukiflow.jukinet;

/** Where an expected move-in stands at the destination. */
public enum ExpectedMoveInStatus {
    /** 転出証明書情報 received, the person has not yet come to the counter. */
    EXPECTED("転入待ち"),
    /** The special transfer-in was registered. */
    REGISTERED("転入済み"),
    /** The transfer-out was cancelled (転出取消) or the special route ended; no move-in is expected. */
    CANCELLED("取消");

    private final String label;

    ExpectedMoveInStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
