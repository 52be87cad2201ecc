package jp.jukiflow.card;

/**
 * Why a resident is asked for the PIN (DOMAIN.md §5). The purpose goes into the audit log. Some procedures are
 * done at another municipality's counter than the one managing the card (the special transfer-in and the
 * continuation at the destination, the wide-area copy anywhere); the others only where the card is managed.
 */
public enum PinPurpose {
    SPECIAL_TRANSFER_IN("特例転入", true),
    CARD_CONTINUATION("カードの継続利用", true),
    WIDE_AREA_COPY("住民票の写しの広域交付", true),
    CARD_ENTRY_CHANGE("カード記載事項の変更", false),
    PIN_CHANGE("暗証番号の変更", false),
    /** A new PIN keyed twice on the PIN pad in its "new PIN" mode ({@link NewPinRequests}); unlocks the card. */
    PIN_RESET("暗証番号の再設定", false),
    IDENTITY_CHECK("本人確認", false),
    /** 国外継続利用: keeping a My Number Card for use abroad, asked before moving abroad (DOMAIN.md §10). */
    ABROAD_CONTINUED_USE("国外継続利用", false);

    private final String label;
    private final boolean atAnyCounter;

    PinPurpose(String label, boolean atAnyCounter) {
        this.label = label;
        this.atAnyCounter = atAnyCounter;
    }

    /** Japanese name of the procedure. */
    public String label() {
        return label;
    }

    /** Whether a counter of a municipality other than the card's managing one may ask for the PIN. */
    public boolean atAnyCounter() {
        return atAnyCounter;
    }
}
