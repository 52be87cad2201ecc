/**
 * Outbound mail (通知メール): Japanese plain-text templates, an outbox with idempotency keys, and the {@code sendMail}
 * delegate that BPMN service tasks call.
 *
 * <p>Other modules use {@link jp.jukiflow.notify.MailNotifier} with a {@link jp.jukiflow.notify.MailRequest} and read
 * the case history with {@link jp.jukiflow.notify.MailNotifier#mailsOf(String)}; template ids are the constants of
 * {@link jp.jukiflow.notify.MailTemplate}. Everything else lives in {@code internal}.
 */
package jp.jukiflow.notify;
