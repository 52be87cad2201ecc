package jp.jukiflow.transferin.internal;

/** The process variables of {@code transfer-in-with-card}: every name in one place, none as a loose literal. */
public final class TransferInVariables {

    public static final String PROCESS_KEY = "transfer-in-with-card";
    /** The BPMN message 「転出証明書情報の到着」 an instance waiting for the origin's certificate catches. */
    public static final String MESSAGE_CERTIFICATE_ARRIVED = "TransferInCertificateArrived";

    // the start form
    public static final String OFFICE_ID = "officeId";
    public static final String ORIGIN_RECEIPT_NUMBER = "originReceiptNumber";
    public static final String ORIGIN_CODE = "originCode";
    public static final String RESIDENT_CODE = "residentCode";
    public static final String CARD_NUMBER = "cardNumber";
    public static final String MOVED_IN_DATE = "movedInDate";
    /**
     * The day the 転入届 was received at the counter (YYYY-MM-DD): optional in the form (never after today), else the
     * start's day; fixed at the start, the day every check of the case judges on.
     */
    public static final String TRANSFER_IN_FILED_ON = "transferInFiledOn";
    public static final String NEW_POSTAL_CODE = "newPostalCode";
    public static final String NEW_ADDRESS = "newAddress";
    public static final String HEAD_OF_HOUSEHOLD = "headOfHousehold";
    public static final String CONTINUATION_WANTED = "continuationWanted";
    public static final String WANTS_SPECIAL = "wantsSpecial";
    /** The resident's mail address (optional; the {@code sendMail} tasks read this name). */
    public static final String EMAIL = "email";
    // the PIN (only the request id and its outcome, never the PIN)
    public static final String PIN_REQUEST_ID = "pinRequestId";
    public static final String PIN_PAD_URL = "pinPadUrl";
    public static final String PIN_REQUEST_VALID_UNTIL = "pinRequestValidUntil";
    public static final String PIN_RESULT = "pinResult";
    public static final String PIN_RESULT_LABEL = "pinResultLabel";
    // the check (DMN inputs) and the route (DMN outputs)
    public static final String CARD_STATE = "cardState";
    public static final String CARD_STATE_LABEL = "cardStateLabel";
    public static final String WITHIN_DEADLINE = "withinDeadline";
    public static final String FILED_LATE = "filedLate";
    public static final String CERTIFICATE_INFO = "certificateInfo";
    public static final String LAST_DAY_FOR_TRANSFER_IN = "lastDayForTransferIn";
    public static final String MOVERS_SUMMARY = "moversSummary";
    /** The name the mails greet: the filer's, from the 転出証明書情報. */
    public static final String FILER_NAME = "filerName";
    public static final String ORIGIN_NAME = "originName";
    public static final String ROUTE = "route";
    public static final String ROUTE_REASON = "routeReason";
    // the request to the origin and the wait for its 転出証明書情報
    public static final String CERTIFICATE_REQUESTED = "certificateRequested";
    public static final String CERTIFICATE_REQUESTS = "certificateRequests";
    public static final String CERTIFICATE_FIRST_REQUESTED_AT = "certificateFirstRequestedAt";
    public static final String CERTIFICATE_WAITS = "certificateWaits";
    public static final String CERTIFICATE_WAIT_SUMMARY = "certificateWaitSummary";
    /** The clerk's answer in 「転出証明書情報の未着確認」: REQUEST_AGAIN or SWITCH. */
    public static final String MISSING_CERTIFICATE_DECISION = "missingCertificateDecision";
    // after registration
    public static final String REGISTERED_RESIDENT_CODES = "registeredResidentCodes";
    /** The last day of the card's continuation (90 days from the 転入届), for the completion mail. */
    public static final String CONTINUATION_DEADLINE = "continuationDeadline";

    private TransferInVariables() {
    }
}
