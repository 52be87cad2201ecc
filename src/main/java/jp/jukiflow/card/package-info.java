/**
 * Cards (住基カード / マイナンバーカード): card types and statuses, validity periods, who may act on a card and
 * whether it identifies its holder today, and the card's life (suspension, return, continuation, lapse). The PIN's
 * persisted state is part of the card ({@link jp.jukiflow.card.CardPinState}); the PIN's rules, hashing, checks,
 * requests and pads are the pin module's, which builds on this one.
 *
 * <p>Plain Java; dates are always passed in by the caller (who takes "today" from an injected
 * {@link java.time.Clock}).
 */
package jp.jukiflow.card;
