package jp.jukiflow.notify;

/** Mails of one municipality and template still waiting to be sent (PENDING: the SMTP server has not accepted them). */
public record OutboxBacklog(String municipalityCode, String template, long pending) {
}
