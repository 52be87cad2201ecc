package jp.jukiflow.card.internal;

/** Why a card is returned (返納, docs/domain.md §4). */
public enum ReturnReason {
    EXPIRED("有効期限切れ"),
    NOT_NEEDED("不要になった"),
    MY_NUMBER_CARD_ISSUED("マイナンバーカードの交付"),
    MOVED_ABROAD("国外転出"),
    RESIDENT_CODE_CHANGED("住民票コードの変更");

    private final String labelJa;

    ReturnReason(String labelJa) {
        this.labelJa = labelJa;
    }

    public String labelJa() {
        return labelJa;
    }
}
