package jp.jukiflow.notify;

/** Where a mail of the outbox stands. */
public enum MailStatus {
    /** Stored, not (yet) accepted by the mail server: being sent, or its last attempt failed. */
    PENDING("未送信"),
    /** Accepted by the mail server. */
    SENT("送信済み"),
    /** Not sent: the resident gave no mail address. The rendered text stays in the outbox for the case history. */
    SKIPPED_NO_ADDRESS("送信なし（メールアドレスなし）");

    private final String label;

    MailStatus(String label) {
        this.label = label;
    }

    /** The Japanese label for the case history. */
    public String label() {
        return label;
    }
}
