package jp.jukiflow.widearea.internal;

import static jp.jukiflow.widearea.WideAreaCopyVariables.*;

import jp.jukiflow.card.CardCheckLabels;
import jp.jukiflow.card.PinRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the clerk completes 「暗証番号の確認」: what the PIN pad recorded, as OK / WRONG / LOCKED, or NOT_ENTERED for a
 * request still pending or expired. A locked card ends the case with the reason for the clerk to explain. Bound as
 * {@code ${wideAreaCopyPin.read(execution)}}.
 */
@Component("wideAreaCopyPin")
public class WideAreaCopyPin {

    static final String LOCKED_REASON = "カードの暗証番号がロックされているため、カードで本人確認ができません。"
            + "カードを管理する市区町村で暗証番号の再設定が必要です。写真付きの本人確認書類（運転免許証など）があれば、"
            + "あらためて申請できます。";

    private final PinRequests pinRequests;

    WideAreaCopyPin(PinRequests pinRequests) {
        this.pinRequests = pinRequests;
    }

    public void read(DelegateExecution execution) {
        String result = pinRequests.resultForProcess((String) execution.getVariable(PIN_REQUEST_ID));
        execution.setVariable(PIN_RESULT, result);
        execution.setVariable(PIN_RESULT_LABEL, CardCheckLabels.pinResult(result));
        if ("LOCKED".equals(result)) {
            execution.setVariable(ANSWER_OUTCOME, "REFUSED");
            execution.setVariable(REFUSAL_REASON, LOCKED_REASON);
        }
    }
}
