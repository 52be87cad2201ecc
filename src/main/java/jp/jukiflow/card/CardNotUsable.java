package jp.jukiflow.card;

import jp.jukiflow.shared.DomainRuleViolation;

/**
 * Refusal of a card that does not identify its holder ({@link CardUsability}): the stable code of the check
 * ({@code CARD_SUSPENDED}, {@code CARD_EXPIRED}, …) and, as message, the Japanese reason followed by what the resident
 * can do instead.
 */
public class CardNotUsable extends DomainRuleViolation {

    private static final long serialVersionUID = 1L;

    private final transient CardUsabilityCheck check;

    public CardNotUsable(CardUsabilityCheck check) {
        super(check.code(), check.messageJa());
        this.check = check;
    }

    public CardUsabilityCheck check() {
        return check;
    }
}
