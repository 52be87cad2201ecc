/**
 * PIN change (暗証番号の変更, docs/domain.md §5 and §10): the process {@code pin-change} at the counter of the card's
 * managing municipality. The holder keys the current PIN on the PIN pad ({@link jp.jukiflow.pin.PinRequests}), then the
 * new PIN twice on the new-PIN pad ({@link jp.jukiflow.pin.NewPinRequests}, the weak-PIN policy applies). A card whose
 * PIN is locked is refused and pointed to 「暗証番号の再設定」 ({@code pin-reset}). The process sees only the results,
 * never a PIN.
 */
package jp.jukiflow.pinchange;
