package jp.jukiflow.transferout.internal;

import static jp.jukiflow.transferout.internal.TransferOutVariables.MESSAGE_MOVE_IN_NOTICE;
import static jp.jukiflow.transferout.internal.TransferOutVariables.MOVED_ON;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.JukinetMessageHandler;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveInNotice;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The destination registered the movers and sent the 転入通知 (法9条): the waiting transfer-out case of that receipt
 * number continues and closes the record.
 */
@Component
class MoveInNoticeHandler implements JukinetMessageHandler {

    private final RuntimeService runtimeService;
    private final ObjectMapper json;

    MoveInNoticeHandler(RuntimeService runtimeService, ObjectMapper json) {
        this.runtimeService = runtimeService;
        this.json = json;
    }

    @Override
    public MessageType type() {
        return MessageType.MOVE_IN_NOTICE;
    }

    @Override
    public void handle(Envelope envelope) {
        MoveInNotice notice = read(envelope.payload());
        runtimeService.createMessageCorrelation(MESSAGE_MOVE_IN_NOTICE)
                .processInstanceBusinessKey(notice.receiptNumber())
                .tenantId(notice.originCode())
                .setVariable(MOVED_ON, notice.movedInOn().toString())
                .correlate();
    }

    private MoveInNotice read(String payload) {
        try {
            return json.readValue(payload, MoveInNotice.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Unreadable 転入通知", e);
        }
    }
}
