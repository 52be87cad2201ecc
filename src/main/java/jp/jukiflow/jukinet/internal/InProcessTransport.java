package jp.jukiflow.jukinet.internal;

import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.JukinetDeliveryException;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.MunicipalityDirectory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Delivers to the municipalities this deployment serves, in the same JVM. The envelope is written to JSON text and read
 * back before the inbox sees it, so what arrives is exactly what an HTTP transport would deliver. A destination this
 * deployment does not serve cannot be reached (that takes {@link HttpTransport}): that is a
 * {@link JukinetDeliveryException}, so the sending job is retried and ends as an incident.
 *
 * <p>The inbox runs in the sender's transaction: both municipalities share this database, so a message is either sent
 * and received or neither. (An HTTP receiver commits on its own; the inbox's message-id check covers the resending.)
 */
@Component
@ConditionalOnProperty(name = "jukiflow.jukinet.transport", havingValue = "in-process", matchIfMissing = true)
class InProcessTransport implements JukinetTransport {

    private final JukinetInbox inbox;
    private final MunicipalityDirectory directory;

    InProcessTransport(JukinetInbox inbox, MunicipalityDirectory directory) {
        this.inbox = inbox;
        this.directory = directory;
    }

    @Override
    public ReceiveOutcome deliver(Envelope envelope) {
        if (directory.find(LocalGovernmentCode.of(envelope.to())).isEmpty()) {
            throw new JukinetDeliveryException("JUKINET_DESTINATION_NOT_SERVED",
                    "住基ネットで送信できません。宛先の市区町村（団体コード " + envelope.to()
                            + "）はこのシステムが担当する市区町村ではなく、他の市区町村への接続（HTTP）は設定されていません。"
                            + "（" + envelope.type().label() + "、メッセージID " + envelope.messageId() + "）");
        }
        String wire = EnvelopeCodec.toJson(envelope);
        return inbox.receive(EnvelopeCodec.fromJson(wire));
    }
}
