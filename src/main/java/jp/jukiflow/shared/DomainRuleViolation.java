package jp.jukiflow.shared;

import java.util.Objects;

/**
 * Thrown when input breaks a domain rule.
 *
 * <p>{@link #code()} is a stable, machine-readable identifier (e.g. {@code RESIDENT_CODE_CHECK_DIGIT})
 * that clients may rely on; {@link #messageJa()} is the Japanese text shown to the user. The web layer
 * maps this exception to an RFC 9457 problem detail.
 *
 * <p>Messages never contain secrets (PINs, hashes) or the rejected personal number itself.
 */
public class DomainRuleViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String messageJa;

    public DomainRuleViolation(String code, String messageJa) {
        super(messageJa);
        this.code = Objects.requireNonNull(code, "code");
        this.messageJa = Objects.requireNonNull(messageJa, "messageJa");
    }

    /** Stable error code, e.g. {@code RESIDENT_CODE_CHECK_DIGIT}. */
    public String code() {
        return code;
    }

    /** Japanese message for the user. */
    public String messageJa() {
        return messageJa;
    }

    @Override
    public String toString() {
        return getClass().getName() + ": [" + code + "] " + messageJa;
    }
}
