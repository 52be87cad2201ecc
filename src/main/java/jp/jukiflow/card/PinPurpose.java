package jp.jukiflow.card;

/**
 * Why a resident is asked for the PIN (docs/domain.md §5). The purpose goes into the audit log. Which municipality's
 * counter may ask for it is {@link CardJurisdiction}'s rule ({@link CardJurisdiction#act(PinPurpose)}); whether the
 * card may be used at all is {@link CardUsability}'s.
 */
public enum PinPurpose {
    SPECIAL_TRANSFER_IN("特例転入"),
    CARD_CONTINUATION("カードの継続利用"),
    WIDE_AREA_COPY("住民票の写しの広域交付"),
    CARD_ENTRY_CHANGE("カード記載事項の変更"),
    PIN_CHANGE("暗証番号の変更"),
    /**
     * A new PIN keyed twice on the PIN pad in its "new PIN" mode ({@code jp.jukiflow.pin.NewPinRequests}); unlocks the
     * card.
     */
    PIN_RESET("暗証番号の再設定"),
    IDENTITY_CHECK("本人確認"),
    /** The found card presented to lift its suspension: the one purpose a SUSPENDED card may be used for. */
    SUSPENSION_LIFT("一時停止の解除"),
    /** 国外継続利用: keeping a My Number Card for use abroad, asked before moving abroad (docs/domain.md §10). */
    ABROAD_CONTINUED_USE("国外継続利用");

    private final String label;

    PinPurpose(String label) {
        this.label = label;
    }

    /** Japanese name of the procedure. */
    public String label() {
        return label;
    }
}
