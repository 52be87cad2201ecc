package jp.jukiflow.intake.internal;

import java.util.List;

import jp.jukiflow.transferout.Attachment;

/**
 * What jukiflow reads out of one raw intake mail.
 *
 * @param messageId    the Message-ID header as written ({@code <…@…>}), or null when the mail has none
 * @param fromAddress  the sender's address ({@code taro@example.jp}), or null when no address can be read
 * @param fromHeader   the From header decoded, for the clerk (may hold a display name)
 * @param subject      the decoded subject, or an empty string
 * @param bodyText     the text of the mail (text/plain preferred, else HTML turned into text, forwarded mails
 *                     appended), with LF line ends
 * @param attachments  every other part, decoded, with its file name
 * @param problems     what could not be read cleanly, in Japanese, for the clerk
 * @param autoReplyAllowed false for bounces, auto-replies and list mail (RFC 3834): no auto-reply to those
 */
public record MailContent(String messageId, String fromAddress, String fromHeader, String subject, String bodyText,
                          List<Attachment> attachments, List<String> problems, boolean autoReplyAllowed) {

    public MailContent {
        attachments = List.copyOf(attachments);
        problems = List.copyOf(problems);
    }

    public boolean hasBody() {
        return bodyText != null && !bodyText.isBlank();
    }
}
