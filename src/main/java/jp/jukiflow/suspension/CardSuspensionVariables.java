package jp.jukiflow.suspension;

/**
 * The process variables of {@code card-suspension} (カードの一時停止): every name in one place. The process runs in the
 * tenant of the card's managing municipality; its business key is the suspension number.
 *
 * <p><b>In</b> (the start form 「カードの一時停止」, or the 24-hour API):
 * <ul>
 *   <li>{@link #CARD_NUMBER} (String, required) — the card reported lost, stolen or damaged;</li>
 *   <li>{@link #SUSPENSION_REASON} (String, required) — {@code LOSS} 紛失 / {@code THEFT} 盗難 / {@code DAMAGE} 破損 /
 *       {@code OTHER} その他, with {@link #REASON_DETAIL} (required for OTHER);</li>
 *   <li>{@link #LOST_ON} (String yyyy-MM-dd, optional, not in the future) — when the card was lost or stolen;</li>
 *   <li>{@link #POLICE_RECEIPT_NUMBER} (String, optional) — the police 受理番号 (loss and theft; the clerk task asks
 *       for it when it comes later);</li>
 *   <li>{@link #REPORTER_NAME} (required), {@link #REPORTER_RELATION}, {@link #REPORTER_PHONE},
 *       {@link #RESIDENT_EMAIL} (optional: the suspension number and every outcome are mailed there);</li>
 *   <li>{@link #CHANNEL} — {@code COUNTER} (default), {@code PHONE} or {@code CALLCENTER}; {@link #OFFICE_ID} the
 *       counter for COUNTER (blank: the main office).</li>
 * </ul>
 * <p><b>Set by the process</b>: {@link #SUSPENSION_NUMBER}, {@link #REASON_LABEL}, {@link #CARD_TYPE},
 * {@link #SUSPENDED_AT}; from 「一時停止の確認」 {@link #REPORTER_IDENTITY_CONFIRMED}; from 「長期停止の確認」
 * {@link #LONG_SUSPENSION_DECISION} ({@code ABOLISH} / {@code WAIT}); from the clerk's 発見・解除 or 廃止届
 * {@link #IDENTITY_DOCUMENT}, {@link #CLOSING_NOTE}.
 * <p><b>Out</b>: {@link #SUSPENSION_OUTCOME} = {@code LIFTED} or {@code ABOLISHED}.
 */
public final class CardSuspensionVariables {

    public static final String PROCESS_KEY = "card-suspension";
    /** Message: the card was found and presented at the counter (発見・解除). */
    public static final String MESSAGE_CARD_FOUND = "CardSuspensionLifted";
    /** Message: the holder gives the card up (廃止届). */
    public static final String MESSAGE_ABOLITION_FILED = "CardAbolitionFiled";

    // in
    public static final String CARD_NUMBER = "cardNumber";
    public static final String SUSPENSION_REASON = "suspensionReason";
    public static final String REASON_DETAIL = "reasonDetail";
    public static final String LOST_ON = "lostOn";
    public static final String POLICE_RECEIPT_NUMBER = "policeReceiptNumber";
    public static final String REPORTER_NAME = "reporterName";
    public static final String REPORTER_RELATION = "reporterRelation";
    public static final String REPORTER_PHONE = "reporterPhone";
    public static final String RESIDENT_EMAIL = "residentEmail";
    public static final String CHANNEL = "channel";
    public static final String OFFICE_ID = "officeId";
    /** Tenant of a start without a clerk's tenant (the API): the card's managing municipality. */
    public static final String MUNICIPALITY_CODE = "municipalityCode";
    /** The API's Idempotency-Key (prefixed), stored with the suspension. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    // set by the process
    public static final String SUSPENSION_NUMBER = "suspensionNumber";
    public static final String REASON_LABEL = "reasonLabel";
    public static final String CARD_TYPE = "cardType";
    public static final String SUSPENDED_AT = "suspendedAt";
    public static final String CONFIRMATION_DUE = "confirmationDue";
    public static final String REPORTER_IDENTITY_CONFIRMED = "reporterIdentityConfirmed";
    public static final String LONG_SUSPENSION_DECISION = "longSuspensionDecision";
    public static final String DECISION_ABOLISH = "ABOLISH";
    public static final String DECISION_WAIT = "WAIT";
    public static final String IDENTITY_DOCUMENT = "identityDocument";
    public static final String CLOSING_NOTE = "closingNote";
    // out
    public static final String SUSPENSION_OUTCOME = "suspensionOutcome";
    public static final String OUTCOME_LIFTED = "LIFTED";
    public static final String OUTCOME_ABOLISHED = "ABOLISHED";

    private CardSuspensionVariables() {
    }
}
