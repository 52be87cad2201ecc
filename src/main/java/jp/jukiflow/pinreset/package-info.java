/**
 * PIN reset (暗証番号の再設定, docs/domain.md §5): the process {@code pin-reset} at the counter of the card's managing
 * municipality. In person the holder keys a new PIN after the identity check; an agent (代理人) needs the mailed
 * 照会書 (a PDF the clerk prints and posts to the holder's registered address) and a second visit with the 回答書.
 * The new PIN itself is set by the pin module ({@link jp.jukiflow.pin.NewPinRequests}); the process sees only
 * SET / NOT_SET.
 */
package jp.jukiflow.pinreset;
