package jp.jukiflow.card;

/** Why a card lost its validity before its expiry date. */
public enum InvalidationReason {
    DEATH("死亡"),
    REGISTER_DELETED("住民票消除"),
    RESIDENT_CODE_CHANGED("住民票コード変更"),
    MOVED_ABROAD("国外転出"),
    NOT_CONTINUED("継続利用なし（失効）"),
    RETURNED("返納"),
    ABOLISHED("廃止"),
    /** The JUKI card is given up when a My Number card is issued; not applicable to My Number cards. */
    MY_NUMBER_ISSUED("マイナンバーカード交付");

    private final String labelJa;

    InvalidationReason(String labelJa) {
        this.labelJa = labelJa;
    }

    public String labelJa() {
        return labelJa;
    }

    /** Whether this reason can apply to a card of the given type. */
    public boolean appliesTo(CardType type) {
        return this != MY_NUMBER_ISSUED || type == CardType.JUKI;
    }
}
