package jp.jukiflow.jukinet;

/** Whether a logged message left or reached a municipality of this deployment. */
public enum MessageDirection {
    SENT("送信"),
    RECEIVED("受信");

    private final String label;

    MessageDirection(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
