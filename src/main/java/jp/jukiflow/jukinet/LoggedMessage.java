package jp.jukiflow.jukinet;

import java.time.Instant;

/**
 * One line of the Juki-net message log. {@code handled}: for {@link MessageDirection#RECEIVED}, a handler processed the
 * message; for {@link MessageDirection#SENT}, the receiving side accepted it. {@code receivedAt} is {@code null} on a
 * sent line.
 */
public record LoggedMessage(long id, String messageId, MessageDirection direction, MessageType type, String fromCode,
                            String toCode, String correlationId, String payload, Instant sentAt, Instant receivedAt,
                            boolean handled) {
}
