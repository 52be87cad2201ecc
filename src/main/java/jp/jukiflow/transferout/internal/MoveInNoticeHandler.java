package jp.jukiflow.transferout.internal;

import static jp.jukiflow.transferout.internal.TransferOutVariables.MESSAGE_MOVE_IN_NOTICE;
import static jp.jukiflow.transferout.internal.TransferOutVariables.MOVED_ON;

import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.JukinetMessageHandler;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveInNotice;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The destination registered the movers and sent the 転入通知 (法9条): the waiting transfer-out case of that receipt
 * number continues and closes the record. A notice for which no case waits (unknown number, case already closed)
 * is refused: the sending side's job fails and ends as an incident a manager sees, nothing is silently dropped.
 */
@Component
class MoveInNoticeHandler implements JukinetMessageHandler {

    private final RuntimeService runtimeService;

    MoveInNoticeHandler(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public MessageType type() {
        return MessageType.MOVE_IN_NOTICE;
    }

    @Override
    public void handle(Envelope envelope) {
        MoveInNotice notice = envelope.payloadAs(MoveInNotice.class);
        runtimeService.createMessageCorrelation(MESSAGE_MOVE_IN_NOTICE)
                .processInstanceBusinessKey(notice.receiptNumber())
                .tenantId(notice.originCode())
                .setVariable(MOVED_ON, notice.movedInOn().toString())
                .correlate();
    }
}
