package jp.jukiflow.pinchange;

/**
 * The process variables of {@code pin-change} (暗証番号の変更): every name in one place. The process runs in the tenant
 * of the clerk's municipality, which must manage the card.
 *
 * <p><b>In</b> (the start form 「暗証番号の変更」):
 * <ul>
 *   <li>{@link #CARD_NUMBER} {@code cardNumber} (String, required) — the card;</li>
 *   <li>{@link #ID_DOCUMENT} {@code idDocument} (String, required) — the identity document the clerk checked;</li>
 *   <li>{@link #OFFICE_ID} {@code officeId} (String, optional) — the counter; blank means the main office. It must
 *       accept {@code PIN_CHANGE} and be open now ({@code municipality.CounterGuard}), or the start is refused.</li>
 * </ul>
 * <p>Set on the way: {@link #RESIDENT_CODE} (the holder, from the card); {@link #PIN_REQUEST_ID}, {@link #PIN_PAD_URL}
 * and {@link #PIN_RESULT} ({@code OK} / {@code WRONG} / {@code NOT_ENTERED} / {@code LOCKED} / {@code CARD_UNUSABLE})
 * for the current PIN; {@link #REFUSAL_REASON} (why the change cannot go on, pointing to the reset);
 * {@link #NEW_PIN_REQUEST_ID}, {@link #NEW_PIN_PAD_URL}, {@link #PIN_REQUEST_VALID_UNTIL} and {@link #NEW_PIN_RESULT}
 * ({@code SET} / {@code NOT_SET}).
 * <p><b>Out</b>: {@link #OUTCOME} {@code pinChangeOutcome} = {@code CHANGED}, {@code NOT_SET} or {@code LOCKED}. The
 * PIN never becomes a variable.
 */
public final class PinChangeVariables {

    public static final String PROCESS_KEY = "pin-change";

    // in
    public static final String CARD_NUMBER = "cardNumber";
    public static final String ID_DOCUMENT = "idDocument";
    public static final String OFFICE_ID = "officeId";
    // on the way
    public static final String RESIDENT_CODE = "residentCode";
    public static final String PIN_REQUEST_ID = "pinRequestId";
    public static final String PIN_PAD_URL = "pinPadUrl";
    public static final String PIN_RESULT = "pinResult";
    public static final String CARD_UNUSABLE = "CARD_UNUSABLE";
    public static final String REFUSAL_REASON = "refusalReason";
    public static final String NEW_PIN_REQUEST_ID = "newPinRequestId";
    public static final String NEW_PIN_PAD_URL = "newPinPadUrl";
    public static final String PIN_REQUEST_VALID_UNTIL = "pinRequestValidUntil";
    public static final String NEW_PIN_RESULT = "newPinResult";
    public static final String RESULT_SET = "SET";
    public static final String RESULT_NOT_SET = "NOT_SET";
    // out
    public static final String OUTCOME = "pinChangeOutcome";

    private PinChangeVariables() {
    }
}
