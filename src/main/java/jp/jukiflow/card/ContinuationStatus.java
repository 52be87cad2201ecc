package jp.jukiflow.card;

/** Where a card stands after a special transfer-in: waiting for the continuation, continued, or lapsed (失効). */
public enum ContinuationStatus {
    PENDING("継続利用の手続き待ち"),
    CONTINUED("継続利用済み"),
    LAPSED("失効");

    private final String labelJa;

    ContinuationStatus(String labelJa) {
        this.labelJa = labelJa;
    }

    public String labelJa() {
        return labelJa;
    }
}
