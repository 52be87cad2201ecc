package jp.jukiflow.transferout;

/** How a request reached the municipality. */
public enum IntakeChannel {
    WEB("ウェブ"),
    MAIL("メール"),
    PAPER("郵送");

    private final String label;

    IntakeChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
