package jp.jukiflow.transferin.internal;

import static jp.jukiflow.transferin.internal.TransferInVariables.*;

import java.time.LocalDate;
import java.util.Arrays;

import jp.jukiflow.jukinet.JukinetGateway;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveInNotice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the 転入通知 to the origin over Juki-net (法9条), correlated by the origin's receipt number, so the origin's
 * transfer-out closes. Runs after an async boundary with retries.
 */
@Component("sendMoveInNotice")
class SendMoveInNotice implements JavaDelegate {

    private final JukinetGateway jukinet;

    SendMoveInNotice(JukinetGateway jukinet) {
        this.jukinet = jukinet;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String receipt = (String) execution.getVariable(ORIGIN_RECEIPT_NUMBER);
        String origin = (String) execution.getVariable(ORIGIN_CODE);
        MoveInNotice notice = new MoveInNotice(receipt, origin, execution.getTenantId(),
                LocalDate.parse((String) execution.getVariable(MOVED_IN_DATE)),
                Arrays.asList(((String) execution.getVariable(REGISTERED_RESIDENT_CODES)).split(",")));
        jukinet.send(MessageType.MOVE_IN_NOTICE, execution.getTenantId(), origin, receipt, notice);
    }
}
