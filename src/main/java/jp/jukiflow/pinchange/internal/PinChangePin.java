package jp.jukiflow.pinchange.internal;

import static jp.jukiflow.pinchange.PinChangeVariables.*;

import jp.jukiflow.card.CardUsabilityCheck;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.PinRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the clerk completes 「現在の暗証番号の確認」: what the PIN pad recorded, as OK / WRONG / LOCKED, NOT_ENTERED for
 * a request still pending or expired, or CARD_UNUSABLE when the card can no longer be used for a change (e.g. suspended
 * since the start). A locked or unusable card ends the case with the reason and the pointer to 「暗証番号の再設定」 in
 * {@code refusalReason}. Bound as {@code ${pinChangePin.read(execution)}}.
 */
@Component("pinChangePin")
public class PinChangePin {

    static final String LOCKED_REASON = "暗証番号を続けて誤ったため、カードの暗証番号がロックされました。"
            + "暗証番号の変更はできません。本人確認書類を持参のうえ、窓口で「暗証番号の再設定」を申請してください（ロックも解除されます）。";

    private final PinRequests pinRequests;

    PinChangePin(PinRequests pinRequests) {
        this.pinRequests = pinRequests;
    }

    public void read(DelegateExecution execution) {
        String result = pinRequests.resultForProcess((String) execution.getVariable(PIN_REQUEST_ID));
        if ("LOCKED".equals(result)) {
            execution.setVariable(REFUSAL_REASON, LOCKED_REASON);
        } else if (!"OK".equals(result)) {
            CardUsabilityCheck usability = pinRequests.usability((String) execution.getVariable(CARD_NUMBER),
                    PinPurpose.PIN_CHANGE, execution.getTenantId());
            if (!usability.usable()) {
                result = CARD_UNUSABLE;
                execution.setVariable(REFUSAL_REASON, usability.messageJa());
            }
        }
        execution.setVariable(PIN_RESULT, result);
    }
}
