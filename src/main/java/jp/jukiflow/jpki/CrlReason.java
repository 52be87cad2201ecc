package jp.jukiflow.jpki;

/** The reason code (RFC 5280 §5.3.1) with which a certificate is listed in the CRL. */
public enum CrlReason {
    KEY_COMPROMISE(1, "紛失・盗難"),
    AFFILIATION_CHANGED(3, "転出（署名用電子証明書の失効）"),
    CESSATION_OF_OPERATION(5, "廃止・返納"),
    CERTIFICATE_HOLD(6, "一時停止");

    private final int code;
    private final String labelJa;

    CrlReason(int code, String labelJa) {
        this.code = code;
        this.labelJa = labelJa;
    }

    /** The CRLReason value of the CRL entry extension. */
    public int code() {
        return code;
    }

    public String labelJa() {
        return labelJa;
    }
}
