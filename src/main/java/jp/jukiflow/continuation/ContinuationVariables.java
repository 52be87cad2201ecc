package jp.jukiflow.continuation;

/**
 * The process variables of {@code card-continuation} (カードの継続利用): every name in one place, none as a loose
 * literal. The process runs in the tenant of the destination municipality (where the holder filed the 転入届).
 *
 * <p><b>In</b> (the start form 「継続利用の届出」, or a call activity of the transfer-in passing them):
 * <ul>
 *   <li>{@link #CARD_NUMBER} {@code cardNumber} (String, required) — the card presented;</li>
 *   <li>{@link #RESIDENT_CODE} {@code residentCode} (String, optional) — the holder's 住民票コード; filled from the card
 *       when absent;</li>
 *   <li>{@link #NEW_ADDRESS} {@code newAddress} (String, required) — the address to write in the 追記欄;</li>
 *   <li>{@link #RESIDENT_EMAIL} {@code residentEmail} (String, optional) — where the result is mailed; no mail when
 *       absent or blank;</li>
 *   <li>{@link #OFFICE_ID} {@code officeId} (String, optional) — the counter; blank means the main office;</li>
 *   <li>{@link #ABROAD} {@code abroad} (Boolean, optional, default false) — the holder moved abroad (国外転出);</li>
 *   <li>{@link #TRANSFER_IN_FILED_ON} {@code transferInFiledOn} and {@link #MOVED_IN_DATE} {@code movedInDate}
 *       (String YYYY-MM-DD, optional) — after an ordinary 転入 with a paper 転出証明書 (no special transfer-in recorded
 *       here): the day its 転入届 was received (blank: today; never after today) and the day the holder moved in
 *       (never after the filing day). Either given makes the move-in date required.</li>
 * </ul>
 * <p>Filed at the counter, a counter that is closed or does not accept the procedure refuses the start itself (no
 * instance); called by the transfer-in, the counter is not checked again.
 * <p><b>Out</b>: {@link #CONTINUATION_OUTCOME} {@code continuationOutcome} = {@code CONTINUED} or {@code REFUSED};
 * {@link #CONTINUATION_REASON} {@code continuationReason} (the decision's Japanese reason).
 * The PIN never becomes a variable: only the request id and OK / WRONG / LOCKED / NOT_ENTERED.
 */
public final class ContinuationVariables {

    public static final String PROCESS_KEY = "card-continuation";

    // in
    public static final String CARD_NUMBER = "cardNumber";
    public static final String RESIDENT_CODE = "residentCode";
    public static final String NEW_ADDRESS = "newAddress";
    public static final String RESIDENT_EMAIL = "residentEmail";
    public static final String OFFICE_ID = "officeId";
    public static final String ABROAD = "abroad";
    public static final String TRANSFER_IN_FILED_ON = "transferInFiledOn";
    public static final String MOVED_IN_DATE = "movedInDate";
    // the PIN (only the request id and its outcome, never the PIN)
    public static final String PIN_REQUEST_ID = "pinRequestId";
    /** The PIN pad of the request ({@code /staff/pin-pad/{id}}), a link on the clerk's 「暗証番号の確認」. */
    public static final String PIN_PAD_URL = "pinPadUrl";
    /** Until when the request may be answered, e.g. 「12月8日 10:15 まで」. */
    public static final String PIN_REQUEST_VALID_UNTIL = "pinRequestValidUntil";
    public static final String PIN_RESULT = "pinResult";
    /** {@link #PIN_RESULT} as the clerk reads it (a sentence). */
    public static final String PIN_RESULT_LABEL = "pinResultLabel";
    // the check (inputs of the decision card-continuation-eligibility) and what the clerk sees
    public static final String CARD_STATE = "cardState";
    /** {@link #CARD_STATE} as the clerk reads it (「有効」…). */
    public static final String CARD_STATE_LABEL = "cardStateLabel";
    public static final String WITHIN_NINETY_DAYS = "withinNinetyDays";
    public static final String SPECIAL_TRANSFER_IN = "specialTransferIn";
    /** No special transfer-in recorded here, but the dates of an ordinary 転入届 were given. */
    public static final String ORDINARY_TRANSFER_IN = "ordinaryTransferIn";
    /** The 転入届 was filed within 14 days of the move-in (法22条); a special transfer-in always was. */
    public static final String TRANSFER_IN_TIMELY = "transferInTimely";
    /** The last day of the ordinary 転入届 (move-in + 14 days, closed day rolled), for the clerk. */
    public static final String LAST_DAY_FOR_TRANSFER_IN = "lastDayForTransferIn";
    public static final String FREE_LINES = "freeLines";
    public static final String TRANSFER_IN_DATE = "transferInDate";
    public static final String LAST_DAY_FOR_CONTINUATION = "lastDayForContinuation";
    // the decision
    public static final String ELIGIBLE = "eligible";
    public static final String CONTINUATION_REASON = "continuationReason";
    // the clerk's confirmation that the new address is written on the card back
    public static final String ENDORSEMENT_WRITTEN = "endorsementWritten";
    // out
    public static final String CONTINUATION_OUTCOME = "continuationOutcome";
    public static final String OUTCOME_CONTINUED = "CONTINUED";
    public static final String OUTCOME_REFUSED = "REFUSED";

    private ContinuationVariables() {
    }
}
