package jp.jukiflow.card;

import jp.jukiflow.shared.DomainRuleViolation;

/**
 * A card status change that the card's current status does not allow, or that lost a race with another change
 * (e.g. one clerk lifted a suspension while another filed the 廃止届). The message says what the card is now.
 */
public class CardStatusConflict extends DomainRuleViolation {

    private static final long serialVersionUID = 1L;

    private final CardStatus current;

    public CardStatusConflict(String code, String messageJa, CardStatus current) {
        super(code, messageJa);
        this.current = current;
    }

    /** The card's status when the change was refused. */
    public CardStatus current() {
        return current;
    }
}
