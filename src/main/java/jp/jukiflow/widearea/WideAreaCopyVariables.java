package jp.jukiflow.widearea;

/**
 * The process variables of {@code wide-area-copy} (at the issuing municipality) and {@code wide-area-copy-answer} (at
 * the home municipality): every name in one place, none as a loose literal. The PIN never becomes a variable: only
 * {@link #PIN_REQUEST_ID} and {@link #PIN_RESULT} (OK / WRONG / LOCKED / NOT_ENTERED). The answered data is kept as
 * the Juki-net answer's JSON ({@link #ANSWER}), which by construction has no place for 本籍 or 筆頭者.
 */
public final class WideAreaCopyVariables {

    public static final String PROCESS_KEY = "wide-area-copy";
    public static final String ANSWER_PROCESS_KEY = "wide-area-copy-answer";
    /** The BPMN message 「広域交付回答の受信」 the issuing case waits for, correlated by its business key. */
    public static final String MESSAGE_ANSWERED = "WideAreaCopyAnswered";

    // the start form
    public static final String OFFICE_ID = "officeId";
    public static final String HOME_CODE = "homeMunicipalityCode";
    public static final String REQUESTER_RESIDENT_CODE = "requesterResidentCode";
    public static final String REQUESTER_NAME = "requesterName";
    public static final String REQUESTER_BIRTH_DATE = "requesterBirthDate";
    /** CARD (the card and its PIN) or PHOTO_ID. */
    public static final String ID_ROUTE = "idRoute";
    public static final String ROUTE_CARD = "CARD";
    public static final String ROUTE_PHOTO_ID = "PHOTO_ID";
    public static final String CARD_NUMBER = "cardNumber";
    /** DRIVERS_LICENSE, PASSPORT, RESIDENCE_CARD or OTHER (then {@link #PHOTO_ID_NAME} names it). */
    public static final String PHOTO_ID_TYPE = "photoIdType";
    public static final String PHOTO_ID_NAME = "photoIdName";
    public static final String PHOTO_ID_NUMBER = "photoIdNumber";
    /** Comma- or space-separated 住民票コード of the people to include (empty: the requester alone). */
    public static final String PERSON_RESIDENT_CODES = "personResidentCodes";
    public static final String WHOLE_HOUSEHOLD = "wholeHousehold";
    public static final String SHOW_RELATIONSHIP = "showRelationship";
    public static final String SHOW_RESIDENT_CODE = "showResidentCode";
    // set by the start
    /** The case: the business key, the Juki-net correlation id and the request id, e.g. 012025-WA-…. */
    public static final String REQUEST_ID = "requestId";
    /** How the requester was identified, in Japanese, e.g. 「運転免許証（番号 …）」. */
    public static final String IDENTIFICATION = "identification";
    public static final String HOME_NAME = "homeMunicipalityName";
    // the PIN
    public static final String PIN_REQUEST_ID = "pinRequestId";
    public static final String PIN_PAD_URL = "pinPadUrl";
    public static final String PIN_REQUEST_VALID_UNTIL = "pinRequestValidUntil";
    public static final String PIN_RESULT = "pinResult";
    public static final String PIN_RESULT_LABEL = "pinResultLabel";
    // the request and the answer
    public static final String REQUESTS_SENT = "requestsSent";
    /** ANSWERED or REFUSED (a locked PIN also ends in REFUSED before anything is sent). */
    public static final String ANSWER_OUTCOME = "answerOutcome";
    public static final String REFUSAL_REASON = "refusalReason";
    /** The answer's JSON ({@link jp.jukiflow.jukinet.WideAreaCopyResponse}) as UTF-8 bytes (a household may need more than 4000 characters). */
    public static final String ANSWER = "copyAnswer";
    /** The clerk's answer in 「回答未着の確認」: REQUEST_AGAIN or GIVE_UP. */
    public static final String MISSING_ANSWER_DECISION = "missingAnswerDecision";
    // the review and the issue
    public static final String COPY_SUMMARY = "copySummary";
    public static final String FEE = "fee";
    public static final String FEE_TEXT = "feeText";
    public static final String FEE_COLLECTED = "feeCollected";
    public static final String RECEIPT_NUMBER = "receiptNumber";
    public static final String COPY_PDF_URL = "copyPdfUrl";
    /** ISSUED, REFUSED, NO_ANSWER or WITHDRAWN, set by the end events. */
    public static final String COPY_OUTCOME = "copyOutcome";
    // the answer process at the home municipality
    /** The request's JSON as received. */
    public static final String REQUEST = "copyRequest";
    public static final String ISSUING_CODE = "issuingMunicipalityCode";

    private WideAreaCopyVariables() {
    }
}
