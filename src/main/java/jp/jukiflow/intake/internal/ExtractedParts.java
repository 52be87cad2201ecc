package jp.jukiflow.intake.internal;

import java.util.ArrayList;
import java.util.List;

import jp.jukiflow.transferout.Attachment;

/** What {@link MailBodyWalker} has gathered from a mail so far: body text, attachments, problems. */
final class ExtractedParts {

    final StringBuilder body = new StringBuilder();
    final List<Attachment> attachments = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    void appendBody(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (body.length() > 0) {
            body.append("\n\n");
        }
        body.append(text.strip());
    }

    void merge(ExtractedParts other) {
        appendBody(other.body.toString());
        attachments.addAll(other.attachments);
        problems.addAll(other.problems);
    }
}
