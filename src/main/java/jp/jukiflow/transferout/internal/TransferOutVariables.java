package jp.jukiflow.transferout.internal;

/** The process variables of {@code transfer-out-by-mail}: every name in one place, none as a loose literal. */
public final class TransferOutVariables {

    public static final String PROCESS_KEY = "transfer-out-by-mail";
    public static final String MESSAGE_SUBMITTED = "TransferOutRequestSubmitted";
    public static final String MESSAGE_ADDITIONAL_INFO = "TransferOutAdditionalInfo";
    public static final String MESSAGE_MOVE_IN_NOTICE = "MoveInNotice";
    public static final String MESSAGE_CERTIFICATE_REQUESTED = "MoveOutCertificateRequested";
    public static final String ERROR_INVALID_REQUEST = "INVALID_REQUEST";

    // the case
    public static final String MUNICIPALITY_CODE = "municipalityCode";
    public static final String MUNICIPALITY_NAME = "municipalityName";
    public static final String RECEIPT_NUMBER = "receiptNumber";
    public static final String CHANNEL = "channel";
    public static final String CHANNEL_LABEL = "channelLabel";
    public static final String ARRIVED_ON = "arrivedOn";
    public static final String STATUS_URL = "statusUrl";
    public static final String REVIEW_DUE = "reviewDue";
    // the request (summary for forms and mails; the full request is stored with the case)
    public static final String EMAIL = "email";
    public static final String FILER_NAME = "filerName";
    public static final String PLANNED_MOVE_OUT_DATE = "plannedMoveOutDate";
    public static final String MOVED_ON = "movedOn";
    public static final String DESTINATION_CODE = "destinationCode";
    public static final String DESTINATION_NAME = "destinationName";
    public static final String NEW_ADDRESS = "newAddress";
    public static final String MOVERS_SUMMARY = "moversSummary";
    /** One line per document: the file variable's name, a tab, the file name. */
    public static final String DOCUMENT_NAMES = "documentNames";
    // the check and the route (DMN inputs and outputs)
    public static final String REGISTER_MATCH = "registerMatch";
    public static final String REGISTER_MATCH_SUMMARY = "registerMatchSummary";
    public static final String MATCHED_RESIDENT_CODES = "matchedResidentCodes";
    public static final String CARD_HOLDER_RESIDENT_CODE = "cardHolderResidentCode";
    public static final String ARRIVAL_WINDOW = "arrivalWindow";
    public static final String CARD_STATE = "cardState";
    public static final String CARD_STATE_LABEL = "cardStateLabel";
    public static final String ABROAD = "abroad";
    /** 国外転出: the day the movers become 除票 (the move-out date, else the planned one), ISO date. */
    public static final String ABROAD_MOVE_OUT_DATE = "abroadMoveOutDate";
    /** 国外継続利用: the PIN request the clerk opened for the holder's card (purpose ABROAD_CONTINUED_USE). */
    public static final String ABROAD_PIN_REQUEST_ID = "abroadPinRequestId";
    public static final String ROUTE = "route";
    public static final String ROUTE_REASON = "routeReason";
    public static final String LAST_DAY_FOR_TRANSFER_IN = "lastDayForTransferIn";
    public static final String TRANSFER_IN_DEADLINE = "transferInDeadline";
    // the clerk's decisions
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String MISSING_INFO = "missingInfo";
    public static final String ANSWER_BY = "answerBy";
    public static final String ADDITIONAL_INFO = "additionalInfo";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String MISSING_MOVE_IN_DECISION = "missingMoveInDecision";
    public static final String VALIDATION_ERRORS = "validationErrors";

    private TransferOutVariables() {
    }
}
