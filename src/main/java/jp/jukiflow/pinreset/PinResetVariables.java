package jp.jukiflow.pinreset;

/**
 * The process variables of {@code pin-reset} (暗証番号の再設定): every name in one place. The process runs in the
 * tenant of the clerk's municipality, which must manage the card.
 *
 * <p><b>In</b> (the start form 「暗証番号の再設定」):
 * <ul>
 *   <li>{@link #CARD_NUMBER} {@code cardNumber} (String, required) — the card;</li>
 *   <li>{@link #VISITOR} {@code visitor} (String, required) — {@code HOLDER} (本人) or {@code AGENT} (代理人);</li>
 *   <li>{@link #ID_DOCUMENT} {@code idDocument} (String, required) — the photo ID shown by the one who came;</li>
 *   <li>{@link #AGENT_NAME} {@code agentName} (String, optional) — the agent's name;</li>
 *   <li>{@link #OFFICE_ID} {@code officeId} (String, optional) — the counter; blank means the main office. It must
 *       accept {@code PIN_RESET} and be open now ({@code municipality.CounterGuard}), or the start is refused.</li>
 * </ul>
 * <p>Set on the way: {@link #RESIDENT_CODE} (the holder, from the card); {@link #IDENTITY_CONFIRMED} (Boolean, the
 * clerk's identity check); agent route: {@link #INQUIRY_NUMBER} 照会番号, {@link #ANSWER_DEADLINE} (ISO date, 30 days
 * after issue counted as the law counts days), {@link #ANSWER_TIMER_AT} (ISO date-time, the start of the day after
 * the deadline), {@link #INQUIRY_PDF_URL} (where the clerk downloads the 照会書), {@link #HOLDER_EMAIL} (the
 * holder's mail address in the register, or {@code null}: the 期限切れ notice goes there); {@link #NEW_PIN_REQUEST_ID}, {@link #NEW_PIN_PAD_URL}
 * (the PIN pad page to turn to the resident), {@link #PIN_REQUEST_VALID_UNTIL} (「12月8日 10:15 まで」) and {@link #NEW_PIN_RESULT} ({@code SET} / {@code NOT_SET}).
 * <p><b>Out</b>: {@link #OUTCOME} {@code pinResetOutcome} = {@code RESET}, {@code NOT_SET},
 * {@code IDENTITY_NOT_CONFIRMED} or {@code EXPIRED}. The PIN never becomes a variable.
 */
public final class PinResetVariables {

    public static final String PROCESS_KEY = "pin-reset";

    // in
    public static final String CARD_NUMBER = "cardNumber";
    public static final String VISITOR = "visitor";
    public static final String VISITOR_HOLDER = "HOLDER";
    public static final String VISITOR_AGENT = "AGENT";
    public static final String ID_DOCUMENT = "idDocument";
    public static final String AGENT_NAME = "agentName";
    public static final String OFFICE_ID = "officeId";
    // on the way
    public static final String RESIDENT_CODE = "residentCode";
    public static final String IDENTITY_CONFIRMED = "identityConfirmed";
    public static final String INQUIRY_NUMBER = "inquiryNumber";
    public static final String ANSWER_DEADLINE = "answerDeadline";
    public static final String ANSWER_TIMER_AT = "answerTimerAt";
    public static final String INQUIRY_PDF_URL = "inquiryPdfUrl";
    public static final String HOLDER_EMAIL = "holderEmail";
    public static final String NEW_PIN_REQUEST_ID = "newPinRequestId";
    public static final String NEW_PIN_PAD_URL = "newPinPadUrl";
    public static final String PIN_REQUEST_VALID_UNTIL = "pinRequestValidUntil";
    public static final String NEW_PIN_RESULT = "newPinResult";
    public static final String RESULT_SET = "SET";
    public static final String RESULT_NOT_SET = "NOT_SET";
    // out
    public static final String OUTCOME = "pinResetOutcome";

    private PinResetVariables() {
    }
}
