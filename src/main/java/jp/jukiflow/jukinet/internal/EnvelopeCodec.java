package jp.jukiflow.jukinet.internal;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.MessageType;

/**
 * The wire format of an envelope, shared by every transport: one JSON document whose {@code payload} is the payload
 * object itself (not a string holding JSON), e.g.
 *
 * <pre>
 * {"messageId":"…","type":"MOVE_IN_NOTICE","from":"012025","to":"013676","correlationId":"013676-2026-000123",
 *  "payload":{"receiptNumber":"013676-2026-000123",…},"sentAt":"2026-11-26T01:00:00Z"}
 * </pre>
 */
public final class EnvelopeCodec {

    private EnvelopeCodec() {
    }

    public static String toJson(Envelope envelope) {
        return JukinetJson.write(new Wire(envelope.messageId(), envelope.type(), envelope.from(), envelope.to(),
                envelope.correlationId(), JukinetJson.tree(envelope.payload()), envelope.sentAt()));
    }

    /** Reads an envelope; anything that is not a complete envelope is an {@link IllegalArgumentException}. */
    public static Envelope fromJson(String json) {
        Wire wire = JukinetJson.read(json, Wire.class);
        if (wire.payload() == null || wire.payload().isNull() || wire.payload().isMissingNode()) {
            throw new IllegalArgumentException("A Juki-net envelope needs payload");
        }
        return new Envelope(wire.messageId(), wire.type(), wire.from(), wire.to(), wire.correlationId(),
                JukinetJson.write(wire.payload()), wire.sentAt());
    }

    record Wire(String messageId, MessageType type, String from, String to, String correlationId, JsonNode payload,
                Instant sentAt) {
    }
}
