package jp.jukiflow.jpki;

/** State of one certificate. SUSPENDED, REVOKED and LAPSED certificates are listed in the CRL until they expire. */
public enum CertificateStatus {
    VALID("有効"),
    /** On hold (一時停止 of the card); listed with reason certificateHold, lifted by a release. */
    SUSPENDED("一時停止"),
    /** Revoked for good (紛失・盗難, 廃止, 返納). */
    REVOKED("失効（取消し）"),
    /** The 署名用 certificate after a move-out (its subject no longer matches the register). */
    LAPSED("失効（異動）"),
    /** Past its last valid day. */
    EXPIRED("有効期限切れ");

    private final String labelJa;

    CertificateStatus(String labelJa) {
        this.labelJa = labelJa;
    }

    public String labelJa() {
        return labelJa;
    }

    /** Whether the state can still change (a certificate that is revoked, lapsed or expired stays so). */
    public boolean open() {
        return this == VALID || this == SUSPENDED;
    }
}
