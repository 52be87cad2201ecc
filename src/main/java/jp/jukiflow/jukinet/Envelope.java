package jp.jukiflow.jukinet;

import java.time.Instant;
import java.util.Objects;

import jp.jukiflow.jukinet.internal.JukinetJson;

/**
 * One Juki-net message as it travels: a unique id, its type, the sending and receiving municipality (6-digit
 * 全国地方公共団体コード), the id of the case it belongs to (e.g. the receipt number of the transfer-out), the payload as
 * JSON text and when it was sent.
 */
public record Envelope(String messageId, MessageType type, String from, String to, String correlationId,
                       String payload, Instant sentAt) {

    public Envelope {
        requireText(messageId, "messageId");
        Objects.requireNonNull(type, "type");
        requireText(from, "from");
        requireText(to, "to");
        requireText(correlationId, "correlationId");
        requireText(payload, "payload");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    /** The payload read into its record, e.g. {@code envelope.payloadAs(MoveInNotice.class)}. */
    public <T> T payloadAs(Class<T> payloadType) {
        return JukinetJson.read(payload, payloadType);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A Juki-net envelope needs " + name);
        }
    }
}
