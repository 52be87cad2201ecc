/**
 * Card continuation (カードの継続利用, docs/domain.md §3): the process {@code card-continuation} at the destination after a
 * special transfer-in, and the daily job lapsing (失効) the cards not continued within 90 days of the 転入届. The
 * records and card changes themselves live in the card module ({@link jp.jukiflow.card.CardContinuations}).
 */
package jp.jukiflow.continuation;
