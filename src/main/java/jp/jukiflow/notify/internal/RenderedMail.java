package jp.jukiflow.notify.internal;

/** A rendered mail: one-line subject and the plain-text body (header, template text, footer). */
public record RenderedMail(String subject, String body) {
}
