package jp.jukiflow.jpki;

/** The electronic certificates a card holds. */
public enum CertificateKind {
    /** 住基カードの公的個人認証: one signature certificate with the holder's name. */
    JUKI_SIGNATURE("住基カードの電子証明書", true),
    /** マイナンバーカードの署名用電子証明書: with the holder's name; lapses on a move-out. */
    SIGNATURE("署名用電子証明書", true),
    /** マイナンバーカードの利用者証明用電子証明書: log-in only, no name in it; survives a move-out. */
    USER_AUTH("利用者証明用電子証明書", false);

    private final String labelJa;
    private final boolean signature;

    CertificateKind(String labelJa, boolean signature) {
        this.labelJa = labelJa;
        this.signature = signature;
    }

    public String labelJa() {
        return labelJa;
    }

    /** A signature certificate: carries the holder's name, key usage digitalSignature + nonRepudiation. */
    public boolean signature() {
        return signature;
    }
}
