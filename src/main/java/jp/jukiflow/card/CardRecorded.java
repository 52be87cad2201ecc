package jp.jukiflow.card;

/**
 * Published when a card has been recorded ({@link CardRegistry#record}), inside the recording transaction: listeners
 * (e.g. the JPKI certificates of the card) run in that transaction, and a failure undoes the recording.
 */
public record CardRecorded(Card card) {
}
