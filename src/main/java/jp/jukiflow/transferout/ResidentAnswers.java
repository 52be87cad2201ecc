package jp.jukiflow.transferout;

import java.util.List;

/**
 * Answers of a resident who was asked for something missing (a reply e-mail that names the receipt number). The
 * waiting case continues with the answer; when no case waits for one, the caller treats the mail as new mail.
 */
public interface ResidentAnswers {

    /**
     * @return {@code true} when a case of that receipt number was waiting and took the answer, {@code false} when
     *         none was waiting (unknown number, already answered, closed)
     */
    boolean answerReceived(String municipalityCode, String receiptNumber, String text, List<Attachment> attachments);
}
