package jp.jukiflow.card;

/**
 * Result of {@link CardUsability}: whether a card identifies its holder on a day, for one purpose.
 *
 * @param usable        whether the card may be used (a PIN asked for, the card relied on)
 * @param code          stable code: {@link #USABLE}, {@code CARD_NOT_YET_ISSUED}, {@code CARD_SUSPENDED},
 *                      {@code CARD_ABOLISHED}, {@code CARD_RETURNED}, {@code CARD_LAPSED}, {@code CARD_EXPIRED},
 *                      {@code PIN_LOCKED} (a PIN change only)
 * @param reasonJa      why not, in Japanese (or that it is usable)
 * @param alternativeJa what the resident can do instead for this purpose, in Japanese; {@code null} when usable
 */
public record CardUsabilityCheck(boolean usable, String code, String reasonJa, String alternativeJa) {

    public static final String USABLE = "CARD_USABLE";

    /**
     * The card's state as the process decisions read it: {@code VALID}, {@code SUSPENDED}, {@code EXPIRED} (past its
     * validity, or not yet issued) or {@code ABOLISHED} (廃止, 返納 or 失効).
     */
    public String state() {
        return switch (code) {
            case USABLE, CardUsability.PIN_LOCKED -> "VALID";
            case "CARD_SUSPENDED" -> "SUSPENDED";
            case "CARD_EXPIRED", "CARD_NOT_YET_ISSUED" -> "EXPIRED";
            default -> "ABOLISHED";
        };
    }

    /** The reason and the alternative, as one text for the clerk and the resident. */
    public String messageJa() {
        return alternativeJa == null ? reasonJa : reasonJa + alternativeJa;
    }

    /** Throws {@link CardNotUsable} with this code and text unless the card is usable. */
    public void orThrow() {
        if (!usable) {
            throw new CardNotUsable(this);
        }
    }
}
