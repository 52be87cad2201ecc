/**
 * The PIN (暗証番号) of a card, docs/domain.md §5: the rules for a new 4-digit PIN ({@link jp.jukiflow.pin.PinPolicy}),
 * its salted slow hash ({@link jp.jukiflow.pin.PinHasher}), the check of an entry with the wrong-PIN lockout
 * ({@link jp.jukiflow.pin.PinVerifier}, {@link jp.jukiflow.pin.PinCheckService}), the one-time requests a process
 * opens so that it never sees a PIN ({@link jp.jukiflow.pin.PinRequests}, {@link jp.jukiflow.pin.NewPinRequests}, and
 * the delegate {@code openPinRequest} that opens either from a BPMN service task) and both PIN pads in
 * {@code internal} ({@code /staff/pin-pad/{id}}, {@code /staff/new-pin-pad/{id}}).
 *
 * <p>It builds on the card module, never the other way round: the card keeps the PIN's persisted state as part of its
 * row ({@link jp.jukiflow.card.CardPinState}, read and written through {@link jp.jukiflow.card.CardRegistry}), and
 * whether a card may be used for a purpose ({@link jp.jukiflow.card.PinPurpose},
 * {@link jp.jukiflow.card.CardUsability}, {@link jp.jukiflow.card.CardJurisdiction}) stays a card rule.
 */
package jp.jukiflow.pin;
