package jp.jukiflow.card;

/**
 * Persisted PIN state of one card.
 *
 * @param pinHash             salted slow hash from the pin module's {@code PinHasher} (never the PIN)
 * @param consecutiveFailures wrong entries since the last correct entry or reset
 * @param locked              whether the PIN is locked (only a PIN reset unlocks it)
 */
public record CardPinState(String pinHash, int consecutiveFailures, boolean locked) {

    public CardPinState {
        if (pinHash == null || pinHash.isBlank()) {
            throw new IllegalArgumentException("pinHash must be set");
        }
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must not be negative");
        }
    }

    /** A freshly set PIN: no failures, not locked. */
    public static CardPinState fresh(String pinHash) {
        return new CardPinState(pinHash, 0, false);
    }

    /** Does not reveal the hash. */
    @Override
    public String toString() {
        return "CardPinState[pinHash=****, consecutiveFailures=" + consecutiveFailures + ", locked=" + locked + "]";
    }
}
