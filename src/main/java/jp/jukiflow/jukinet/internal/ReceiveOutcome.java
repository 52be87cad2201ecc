package jp.jukiflow.jukinet.internal;

/** What the inbox did with an envelope. */
public enum ReceiveOutcome {
    /** Logged and handled by every handler of its type. */
    HANDLED,
    /** Logged, but no handler is registered for its type (kept with {@code handled = false}). */
    NO_HANDLER,
    /** A message with this id was received before; nothing was done again. */
    DUPLICATE
}
