package jp.jukiflow.pin;

import jp.jukiflow.shared.DomainRuleViolation;

/**
 * Result of {@link PinPolicy#check}. Never contains the PIN.
 *
 * @param accepted  whether the PIN may be set
 * @param code      {@code PIN_ACCEPTABLE} or the stable refusal code (e.g. {@code PIN_ALL_SAME}, {@code PIN_BIRTH_MMDD})
 * @param messageJa Japanese explanation for the resident
 */
public record PinCheck(boolean accepted, String code, String messageJa) {

    public static final String ACCEPTABLE = "PIN_ACCEPTABLE";

    static PinCheck ok() {
        return new PinCheck(true, ACCEPTABLE, "この暗証番号は設定できます。");
    }

    static PinCheck refused(String code, String messageJa) {
        return new PinCheck(false, code, messageJa);
    }

    /** Throws {@link DomainRuleViolation} with this code and message unless the PIN was accepted. */
    public void orThrow() {
        if (!accepted) {
            throw new DomainRuleViolation(code, messageJa);
        }
    }
}
