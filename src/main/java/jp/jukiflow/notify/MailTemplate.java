package jp.jukiflow.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The mail templates ({@code src/main/resources/templates/mail/<id>.txt}) and the variables each one needs.
 *
 * <p>Every template may also use {@code receiptNumber}, {@code filerName} and {@code statusUrl} (shown when present)
 * and the variables the notifier adds itself: {@code municipalityName}, {@code prefecture}, {@code sectionName},
 * {@code officeName}, {@code officeHours}, {@code intakeAddress}. A required variable that is missing or blank
 * makes {@link MailNotifier#send(MailRequest)} fail with an {@link IllegalArgumentException} (a modelling error: the
 * job ends as an incident instead of mailing a half-empty text). Dates arrive as ISO strings ({@code yyyy-MM-dd}).
 */
public enum MailTemplate {

    /** Acknowledgement of a transfer-out request from any channel and what happens next. */
    TRANSFER_OUT_RECEIVED("transfer-out-received", "受付のお知らせ",
            List.of("receiptNumber"), List.of("plannedMoveOutDate", "movedOn", "channelLabel", "destinationCode")),
    /** Asks for something missing; how to answer (reply keeping the receipt number, or by post). */
    TRANSFER_OUT_MISSING_INFO("transfer-out-missing-info", "確認のお願い",
            List.of("receiptNumber", "missingInfo", "answerBy"), List.of()),
    /** Reminder of {@link #TRANSFER_OUT_MISSING_INFO}. */
    TRANSFER_OUT_MISSING_INFO_REMINDER("transfer-out-missing-info-reminder", "確認のお願い（再度のご案内）",
            List.of("receiptNumber", "missingInfo", "answerBy"), List.of()),
    /** Closed because no answer came. */
    TRANSFER_OUT_CLOSED_INCOMPLETE("transfer-out-closed-incomplete", "手続き終了のお知らせ（回答なし）",
            List.of("receiptNumber"), List.of()),
    /** Rejected with a reason. */
    TRANSFER_OUT_REJECTED("transfer-out-rejected", "不受理のお知らせ",
            List.of("receiptNumber", "rejectionReason"), List.of()),
    /** Accepted as a special transfer-out: no paper certificate; what to bring to the destination counter, by when. */
    TRANSFER_OUT_ACCEPTED_SPECIAL("transfer-out-accepted-special", "受理のお知らせ（特例転出）",
            List.of("receiptNumber", "destinationName", "plannedMoveOutDate", "lastDayForTransferIn"), List.of()),
    /** Accepted as an ordinary transfer-out: a paper 転出証明書 is mailed; why the card route was not possible. */
    TRANSFER_OUT_ACCEPTED_ORDINARY("transfer-out-accepted-ordinary", "受理のお知らせ（転出証明書の郵送）",
            List.of("receiptNumber", "routeReason"), List.of("destinationName", "plannedMoveOutDate")),
    /** Accepted as a move abroad (国外転出): no 転出証明書; 除票 on the move-out date; the card kept abroad or lapsed. */
    TRANSFER_OUT_ACCEPTED_ABROAD("transfer-out-accepted-abroad", "受理のお知らせ（国外転出）",
            List.of("receiptNumber", "abroadMoveOutDate"), List.of()),
    /** The 転入通知 arrived: the move-out is final. */
    TRANSFER_OUT_COMPLETED("transfer-out-completed", "転出完了のお知らせ",
            List.of("receiptNumber"), List.of("movedOn", "destinationName")),
    /** The move-out was cancelled (転出取消): the resident stays registered. */
    TRANSFER_OUT_CANCELLED("transfer-out-cancelled", "転出取消のお知らせ",
            List.of("receiptNumber"), List.of()),
    /** The special route lapsed: a 転出証明書に準ずる証明書 is mailed. */
    TRANSFER_OUT_SUBSTITUTE_CERTIFICATE("transfer-out-substitute-certificate", "転出証明書に準ずる証明書の送付のお知らせ",
            List.of("receiptNumber"), List.of("destinationName")),
    /**
     * The special transfer-in was registered: new address, move-in date, and the card's continuation: done today
     * ({@code continuationOutcome} CONTINUED, the new managing municipality), refused today (REFUSED, with
     * {@code continuationReason} and the 90-day lapse), or not asked for (the 90-day deadline).
     */
    TRANSFER_IN_COMPLETED("transfer-in-completed", "転入手続き完了のお知らせ",
            List.of("newAddress", "movedInDate"),
            List.of("originName", "continuationDeadline", "continuationOutcome", "continuationReason")),
    /** The special transfer-in was not possible: why, and the paper 転出証明書 to get from the origin and bring. */
    TRANSFER_IN_ORDINARY("transfer-in-ordinary", "通常の転入手続きのご案内",
            List.of("routeReason"), List.of("originName")),
    /** An agent's PIN reset closed because no 回答書 came back by the deadline; the holder may call if it was not theirs. */
    PIN_RESET_EXPIRED("pin-reset-expired", "暗証番号の再設定の終了のお知らせ（回答書なし）",
            List.of("inquiryNumber", "answerDeadline"), List.of("agentName")),
    /** Auto-reply to an intake e-mail that could not be read: the label format with a complete example. */
    MAIL_UNREADABLE_REPLY("mail-unreadable-reply", "読み取れなかったメールへの自動返信",
            List.of(), List.of("originalSubject")),
    /** A clerk's free-text answer to an intake mail. */
    MAIL_CLERK_ANSWER("mail-clerk-answer", "職員からの回答",
            List.of("answerText"), List.of("originalSubject")),
    /** The card was continued at the destination: the new address is on the card back, the new municipality manages it. */
    CARD_CONTINUATION_COMPLETED("card-continuation-completed", "継続利用完了のお知らせ",
            List.of("newAddress"), List.of()),
    /** The card could not be continued, with the reason. */
    CARD_CONTINUATION_REFUSED("card-continuation-refused", "継続利用できない旨のお知らせ",
            List.of("continuationReason"), List.of()),
    /** The card was suspended at once: the suspension number, the reason, what to do when it is found or not. */
    CARD_SUSPENSION_STARTED("card-suspension-started", "一時停止のお知らせ",
            List.of("suspensionNumber", "reasonLabel", "suspendedAt"), List.of("policeReceiptNumber", "suspensionReason")),
    /** The card was found and the suspension lifted at the counter. */
    CARD_SUSPENSION_LIFTED("card-suspension-lifted", "一時停止解除のお知らせ",
            List.of("suspensionNumber"), List.of()),
    /** The suspended card was abolished (廃止): irreversible, certificates revoked. */
    CARD_SUSPENSION_ABOLISHED("card-suspension-abolished", "カード廃止のお知らせ",
            List.of("suspensionNumber", "reasonLabel"), List.of());

    private final String id;
    private final String label;
    private final List<String> requiredVariables;
    private final List<String> optionalVariables;

    MailTemplate(String id, String label, List<String> requiredVariables, List<String> optionalVariables) {
        this.id = id;
        this.label = label;
        this.requiredVariables = requiredVariables;
        this.optionalVariables = optionalVariables;
    }

    /** The template id, the file name under {@code templates/mail/} without {@code .txt}. */
    public String id() {
        return id;
    }

    /** The Japanese name shown in the case history. */
    public String label() {
        return label;
    }

    /** Variables that must be present and not blank. */
    public List<String> requiredVariables() {
        return requiredVariables;
    }

    /** Variables the template shows when present (besides the common ones). */
    public List<String> optionalVariables() {
        return optionalVariables;
    }

    public static Optional<MailTemplate> find(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    /** The template with that id, or an {@link IllegalArgumentException}. */
    public static MailTemplate of(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("メールのテンプレート「" + id + "」はありません。"));
    }
}
