package jp.jukiflow.jukinet.internal;

import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.JukinetDeliveryException;

/**
 * Carries an envelope to the receiving municipality. Exactly one transport is active
 * ({@code jukiflow.jukinet.transport}, default {@code in-process}); {@link HttpTransport} posts
 * {@link EnvelopeCodec#toJson} to the receiver's inbox endpoint and maps the answer back.
 */
public interface JukinetTransport {

    /**
     * Returns once the receiving side accepted the envelope (handled it, had no handler for it, or had it already);
     * otherwise throws {@link JukinetDeliveryException} (or the receiver's exception), and the caller's job is retried.
     * May be called again with the same envelope: the receiver handles a message id once.
     */
    ReceiveOutcome deliver(Envelope envelope);
}
