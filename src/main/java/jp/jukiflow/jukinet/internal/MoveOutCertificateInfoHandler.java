package jp.jukiflow.jukinet.internal;

import java.time.Clock;
import java.time.Instant;

import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.ExpectedMoveIn;
import jp.jukiflow.jukinet.JukinetDeliveryException;
import jp.jukiflow.jukinet.JukinetMessageHandler;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.MoveOutCertificateInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jp.jukiflow.jukinet.MoveOutCertificateInfoReceived;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * At the destination: keeps a received 転出証明書情報 as an expected move-in. The same receipt number received again
 * (the origin resent it, e.g. after a retried job) replaces the data while the move-in is still expected, and is
 * ignored once it was registered or cancelled. A recorded or updated certificate is published as
 * {@link MoveOutCertificateInfoReceived} in the same transaction: a special transfer-in waiting at the counter for it
 * wakes up (the transfer-in module correlates its BPMN message 「転出証明書情報の到着」).
 */
@Component
class MoveOutCertificateInfoHandler implements JukinetMessageHandler {

    private static final Logger log = LoggerFactory.getLogger(MoveOutCertificateInfoHandler.class);

    private final ExpectedMoveInStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MoveOutCertificateInfoHandler(ExpectedMoveInStore store, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public MessageType type() {
        return MessageType.MOVE_OUT_CERTIFICATE_INFO;
    }

    @Override
    public void handle(Envelope envelope) {
        MoveOutCertificateInfo certificate = envelope.payloadAs(MoveOutCertificateInfo.class);
        if (!certificate.originCode().equals(envelope.from()) || !certificate.destinationCode().equals(envelope.to())) {
            throw new JukinetDeliveryException("JUKINET_ADDRESS_MISMATCH",
                    "転出証明書情報の転出元・転出先（" + certificate.originCode() + " → " + certificate.destinationCode()
                            + "）が送信元・宛先（" + envelope.from() + " → " + envelope.to() + "）と一致しないため、受け付けません。"
                            + "（受付番号 " + certificate.receiptNumber() + "）");
        }
        Instant now = Instant.now(clock);
        var existing = store.find(certificate.receiptNumber());
        if (existing.isEmpty()) {
            store.insert(certificate, envelope.payload(), envelope.messageId(), now);
            log.info("Expected move-in {} from {} to {} recorded", certificate.receiptNumber(),
                    certificate.originCode(), certificate.destinationCode());
            events.publishEvent(new MoveOutCertificateInfoReceived(certificate, envelope.messageId()));
        } else if (store.replaceWhileExpected(certificate, envelope.payload(), envelope.messageId(), now) == 1) {
            log.info("Expected move-in {} updated from a resent certificate (message {})",
                    certificate.receiptNumber(), envelope.messageId());
            events.publishEvent(new MoveOutCertificateInfoReceived(certificate, envelope.messageId()));
        } else {
            ExpectedMoveIn kept = existing.get();
            log.warn("Certificate for move-in {} ignored: it is already {} (message {})",
                    certificate.receiptNumber(), kept.status(), envelope.messageId());
        }
    }
}
