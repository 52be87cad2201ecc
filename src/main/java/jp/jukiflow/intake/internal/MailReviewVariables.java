package jp.jukiflow.intake.internal;

/** The variables of the process {@code mail-review} (processes/mail-review.bpmn, forms/mail-review.form). */
public final class MailReviewVariables {

    public static final String PROCESS_KEY = "mail-review";
    public static final String ERROR_REQUEST_INVALID = "MAIL_REQUEST_INVALID";

    public static final String MUNICIPALITY_CODE = "municipalityCode";
    public static final String MUNICIPALITY_NAME = "municipalityName";
    public static final String INTAKE_MAIL_ID = "intakeMailId";
    /** Always {@code MAIL}: the intake channel the managers' dashboard counts. */
    public static final String CHANNEL = "channel";
    public static final String CHANNEL_MAIL = "MAIL";
    public static final String MESSAGE_ID = "messageId";
    /** The reply address: the sender, or what the clerk typed; the recipient of both mails of this process. */
    public static final String EMAIL = "email";
    /** false for automatic mail (bounces, auto-replies) and unknown senders: no 受付確認 then. */
    public static final String AUTO_REPLY = "autoReply";
    public static final String MAIL_FROM = "mailFrom";
    public static final String MAIL_SUBJECT = "mailSubject";
    /** The subject as the resident wrote it, for the mail templates (mail-unreadable-reply, mail-clerk-answer). */
    public static final String ORIGINAL_SUBJECT = "originalSubject";
    public static final String MAIL_RECEIVED_AT = "mailReceivedAt";
    public static final String MAIL_BODY = "mailBody";
    public static final String ATTACHMENT_NAMES = "attachmentNames";
    public static final String REVIEW_REASON = "reviewReason";
    public static final String FIELD_ERRORS = "fieldErrors";

    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String DECISION_ACCEPT = "ACCEPT";
    public static final String DECISION_ANSWER = "ANSWER";
    public static final String DECISION_DISMISS = "DISMISS";
    public static final String ANSWER_TEXT = "answerText";
    public static final String DISMISS_REASON = "dismissReason";
    public static final String RECEIPT_NUMBER = "receiptNumber";

    // the transfer-out fields, named as in the paper intake form
    public static final String PLANNED_MOVE_OUT_DATE = "plannedMoveOutDate";
    public static final String MOVED_ON = "movedOn";
    public static final String FILER_NAME = "filerName";
    public static final String FILER_NAME_KANA = "filerNameKana";
    public static final String FILER_BIRTH_DATE = "filerBirthDate";
    public static final String FILER_RELATION = "filerRelation";
    public static final String CURRENT_ADDRESS = "currentAddress";
    public static final String HEAD_OF_HOUSEHOLD = "headOfHousehold";
    public static final String NEW_MUNICIPALITY_CODE = "newMunicipalityCode";
    public static final String NEW_ADDRESS = "newAddress";
    public static final String NEW_HEAD_OF_HOUSEHOLD = "newHeadOfHousehold";
    public static final String MOVERS_TEXT = "moversText";
    public static final String CARD_HOLDER_NUMBER = "cardHolderNumber";
    public static final String CARD_TYPE = "cardType";
    public static final String CONTINUED_USE = "continuedUse";
    public static final String PHONE = "phone";

    /** Camunda keeps string variables up to 4,000 characters. */
    static final int MAX_TEXT = 3_900;

    private MailReviewVariables() {
    }
}
