package jp.jukiflow.suspension.internal;

import jp.jukiflow.shared.DomainRuleViolation;

/** The suspension or the card is not in a state that allows the action (HTTP 409). */
class SuspensionConflict extends DomainRuleViolation {

    private static final long serialVersionUID = 1L;

    SuspensionConflict(String code, String messageJa) {
        super(code, messageJa);
    }
}
