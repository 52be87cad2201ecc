package jp.jukiflow.notify;

/** A rendered mail that was not stored or sent: what the resident would read. */
public record MailPreview(String subject, String body) {
}
