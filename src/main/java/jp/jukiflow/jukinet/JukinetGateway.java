package jp.jukiflow.jukinet;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jp.jukiflow.jukinet.internal.JukinetJson;
import jp.jukiflow.jukinet.internal.JukinetMessageStore;
import jp.jukiflow.jukinet.internal.ReceiveOutcome;
import jp.jukiflow.jukinet.internal.JukinetTransport;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.MunicipalityDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one port for sending over Juki-net. Call it from a BPMN job after an async boundary: a failure throws (a
 * {@link JukinetDeliveryException} when the destination cannot be reached or refuses the message), the job is retried
 * and finally becomes an incident. Every sent message is logged (the provision record of docs/domain.md §8); logs name the
 * message, never its payload.
 */
@Service
public class JukinetGateway {

    private static final Logger log = LoggerFactory.getLogger(JukinetGateway.class);
    private static final int MAX_CORRELATION_ID_LENGTH = 100;

    private final JukinetTransport transport;
    private final JukinetMessageStore store;
    private final MunicipalityDirectory directory;
    private final Clock clock;

    JukinetGateway(JukinetTransport transport, JukinetMessageStore store, MunicipalityDirectory directory,
                   Clock clock) {
        this.transport = transport;
        this.store = store;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Sends a message from a municipality of this deployment and returns the envelope as sent.
     *
     * @param type          what is sent; the payload must be of {@link MessageType#payloadType()}
     * @param from          the sending municipality (6-digit code), one this deployment serves
     * @param to            the receiving municipality (6-digit code)
     * @param correlationId the case the message belongs to, e.g. the transfer-out's receipt number
     * @param payload       the payload record, written as JSON
     */
    @Transactional
    public Envelope send(MessageType type, String from, String to, String correlationId, Object payload) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        String fromCode = LocalGovernmentCode.of(from).value();
        String toCode = LocalGovernmentCode.of(to).value();
        if (fromCode.equals(toCode)) {
            throw new IllegalArgumentException("A Juki-net message goes to another municipality, not to " + fromCode);
        }
        if (correlationId == null || correlationId.isBlank() || correlationId.length() > MAX_CORRELATION_ID_LENGTH) {
            throw new IllegalArgumentException("A Juki-net message needs a correlation id of 1 to "
                    + MAX_CORRELATION_ID_LENGTH + " characters");
        }
        if (directory.find(LocalGovernmentCode.of(fromCode)).isEmpty()) {
            throw new JukinetDeliveryException("JUKINET_SENDER_NOT_SERVED",
                    "送信元の市区町村（団体コード " + fromCode + "）はこのシステムが担当する市区町村ではないため、送信できません。");
        }
        requirePayloadFits(type, fromCode, toCode, payload);
        String json = JukinetJson.write(payload);
        if (json.length() > JukinetMessageStore.MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("The " + type + " payload has " + json.length()
                    + " characters; at most " + JukinetMessageStore.MAX_PAYLOAD_LENGTH + " can be sent");
        }

        Envelope envelope = new Envelope(UUID.randomUUID().toString(), type, fromCode, toCode, correlationId, json,
                Instant.now(clock));
        log.info("Juki-net send {} ({}) id={} from={} to={} correlation={}", type, type.label(),
                envelope.messageId(), fromCode, toCode, correlationId);
        store.insert(envelope, MessageDirection.SENT, null);
        ReceiveOutcome outcome = transport.deliver(envelope);
        store.markHandled(envelope.messageId(), MessageDirection.SENT);
        log.info("Juki-net sent id={}: receiver {}", envelope.messageId(), outcome);
        return envelope;
    }

    private static void requirePayloadFits(MessageType type, String from, String to, Object payload) {
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type + " carries a " + type.payloadType().getSimpleName() + ", not a "
                    + payload.getClass().getSimpleName());
        }
        if (payload instanceof MoveOutCertificateInfo c) {
            requireSameRoute(type, c.originCode(), c.destinationCode(), from, to);
        } else if (payload instanceof MoveInNotice n) {
            // the notice travels back: from the destination of the move to its origin
            requireSameRoute(type, n.destinationCode(), n.originCode(), from, to);
        } else if (payload instanceof MoveOutCertificateRequest r) {
            // the request, too, travels from the destination of the move to its origin
            requireSameRoute(type, r.destinationCode(), r.originCode(), from, to);
        } else if (payload instanceof MoveOutCancellation c) {
            requireSameRoute(type, c.originCode(), c.destinationCode(), from, to);
        } else if (payload instanceof WideAreaCopyRequest r) {
            requireSameRoute(type, r.issuingCode(), r.homeCode(), from, to);
        } else if (payload instanceof WideAreaCopyResponse r) {
            // the answer travels back: from the home municipality to the issuing one
            requireSameRoute(type, r.homeCode(), r.issuingCode(), from, to);
        }
    }

    private static void requireSameRoute(MessageType type, String payloadFrom, String payloadTo, String from,
                                         String to) {
        if (!payloadFrom.equals(from) || !payloadTo.equals(to)) {
            throw new IllegalArgumentException("The " + type + " payload names " + payloadFrom + " → " + payloadTo
                    + " but the envelope goes " + from + " → " + to);
        }
    }
}
