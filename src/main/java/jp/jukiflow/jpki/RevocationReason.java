package jp.jukiflow.jpki;

/** Why every certificate of a card is revoked for good. */
public enum RevocationReason {
    /** 紛失・盗難: the card (and its private keys) may be in someone else's hands. */
    LOSS_OR_THEFT(CrlReason.KEY_COMPROMISE),
    /** 廃止届, 返納, the card's end for any other reason. */
    ABOLISHED_OR_RETURNED(CrlReason.CESSATION_OF_OPERATION);

    private final CrlReason crlReason;

    RevocationReason(CrlReason crlReason) {
        this.crlReason = crlReason;
    }

    public CrlReason crlReason() {
        return crlReason;
    }
}
