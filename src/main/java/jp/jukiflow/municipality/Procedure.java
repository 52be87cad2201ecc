package jp.jukiflow.municipality;

/**
 * The card procedures an office may accept (the setting {@code jukiflow.municipalities[].offices[].procedures}), with
 * the name a clerk or resident reads. Every one but {@link #TRANSFER_OUT_BY_MAIL} is done at a counter and passes the
 * {@link CounterGuard}.
 */
public enum Procedure {
    TRANSFER_OUT_BY_MAIL("郵送による特例転出"),
    TRANSFER_IN_WITH_CARD("特例転入"),
    CARD_CONTINUATION("カードの継続利用"),
    CARD_SUSPENSION("カードの一時停止"),
    SUSPENSION_LIFT("カードの一時停止の解除"),
    CARD_ABOLITION("カードの廃止届"),
    CARD_RETURN("カードの返納"),
    PIN_RESET("暗証番号の再設定"),
    PIN_CHANGE("暗証番号の変更"),
    WIDE_AREA_COPY("住民票の写しの広域交付");

    private final String label;

    Procedure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
