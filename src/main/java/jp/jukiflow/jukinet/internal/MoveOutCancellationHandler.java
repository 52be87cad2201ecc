package jp.jukiflow.jukinet.internal;

import java.time.Clock;
import java.time.Instant;

import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.ExpectedMoveIn;
import jp.jukiflow.jukinet.ExpectedMoveInStatus;
import jp.jukiflow.jukinet.JukinetDeliveryException;
import jp.jukiflow.jukinet.JukinetMessageHandler;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveOutCancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At the destination: the origin cancelled a transfer-out (転出取消), so its expected move-in is dropped (status
 * CANCELLED) and a later special transfer-in for it is refused. Idempotent: a move-in already cancelled, or one whose
 * 転出証明書情報 never arrived here, is left as it is. A move-in already registered here is refused: the origin's job
 * fails and ends as an incident a manager sees (the two registers disagree and need a clerk on each side).
 */
@Component
class MoveOutCancellationHandler implements JukinetMessageHandler {

    private static final Logger log = LoggerFactory.getLogger(MoveOutCancellationHandler.class);

    private final ExpectedMoveInStore store;
    private final Clock clock;

    MoveOutCancellationHandler(ExpectedMoveInStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public MessageType type() {
        return MessageType.MOVE_OUT_CANCELLATION;
    }

    @Override
    public void handle(Envelope envelope) {
        MoveOutCancellation cancellation = envelope.payloadAs(MoveOutCancellation.class);
        String receipt = cancellation.receiptNumber();
        ExpectedMoveIn expected = store.find(receipt).orElse(null);
        if (!cancellation.originCode().equals(envelope.from()) || !cancellation.destinationCode().equals(envelope.to())
                || (expected != null && !expected.originCode().equals(envelope.from()))) {
            throw new JukinetDeliveryException("JUKINET_ADDRESS_MISMATCH", "転出取消の通知の転出元・転出先（"
                    + cancellation.originCode() + " → " + cancellation.destinationCode() + "）が送信元・宛先または転出証明書情報と"
                    + "一致しないため、受け付けません。（受付番号 " + receipt + "）");
        }
        if (expected == null) {
            log.warn("Cancellation of move-out {} from {}: no 転出証明書情報 was received here, nothing to drop",
                    receipt, envelope.from());
            return;
        }
        if (store.changeStatus(receipt, ExpectedMoveInStatus.EXPECTED, ExpectedMoveInStatus.CANCELLED,
                Instant.now(clock)) == 1) {
            log.info("Expected move-in {} from {} dropped: the transfer-out was cancelled", receipt, envelope.from());
        } else if (store.find(receipt).orElseThrow().status() == ExpectedMoveInStatus.REGISTERED) {
            throw new JukinetDeliveryException("MOVE_IN_ALREADY_REGISTERED", "受付番号 " + receipt
                    + " の転入はすでに記載済みのため、転出取消を受け付けられません。転出先と連絡をとってください。");
        }
    }
}
