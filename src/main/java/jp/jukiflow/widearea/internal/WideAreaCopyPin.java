package jp.jukiflow.widearea.internal;

import static jp.jukiflow.widearea.WideAreaCopyVariables.*;

import jp.jukiflow.card.CardCheckLabels;
import jp.jukiflow.card.CardUsabilityCheck;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.pin.PinRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the clerk completes 「暗証番号の確認」: what the PIN pad recorded, as OK / WRONG / LOCKED, or NOT_ENTERED for a
 * request still pending or expired, or CARD_UNUSABLE when the card no longer identifies its holder ({@code CardUsability}:
 * e.g. reported stolen and suspended since the start). A locked or unusable card ends the case with the reason (and
 * the photo-ID alternative) for the clerk to explain. Bound as
 * {@code ${wideAreaCopyPin.read(execution)}}.
 */
@Component("wideAreaCopyPin")
public class WideAreaCopyPin {

    static final String LOCKED_REASON = "カードの暗証番号がロックされているため、カードで本人確認ができません。"
            + "カードを管理する市区町村で暗証番号の再設定が必要です。写真付きの本人確認書類（運転免許証など）があれば、"
            + "あらためて申請できます。";

    /** The PIN result when the card no longer identifies its holder (e.g. reported stolen and suspended). */
    static final String CARD_UNUSABLE = "CARD_UNUSABLE";

    private final PinRequests pinRequests;

    WideAreaCopyPin(PinRequests pinRequests) {
        this.pinRequests = pinRequests;
    }

    public void read(DelegateExecution execution) {
        String result = pinRequests.resultForProcess((String) execution.getVariable(PIN_REQUEST_ID));
        CardUsabilityCheck usability = "OK".equals(result) ? null : pinRequests.usability(
                (String) execution.getVariable(CARD_NUMBER), PinPurpose.WIDE_AREA_COPY, execution.getTenantId());
        if (usability != null && !usability.usable()) {
            result = CARD_UNUSABLE;
        }
        execution.setVariable(PIN_RESULT, result);
        execution.setVariable(PIN_RESULT_LABEL, CardCheckLabels.pinResult(result));
        if ("LOCKED".equals(result) || CARD_UNUSABLE.equals(result)) {
            execution.setVariable(ANSWER_OUTCOME, "REFUSED");
            execution.setVariable(REFUSAL_REASON, CARD_UNUSABLE.equals(result) ? usability.messageJa() : LOCKED_REASON);
        }
    }
}
