package jp.jukiflow.card;

/** Recorded status of a card. Only {@link #ACTIVE} cards can be valid. */
public enum CardStatus {
    ACTIVE("有効"),
    SUSPENDED("一時停止"),
    ABOLISHED("廃止"),
    EXPIRED("期限切れ"),
    LAPSED("失効"),
    RETURNED("返納");

    private final String labelJa;

    CardStatus(String labelJa) {
        this.labelJa = labelJa;
    }

    public String labelJa() {
        return labelJa;
    }
}
