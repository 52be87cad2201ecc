package jp.jukiflow.card;

import java.time.LocalDate;

/**
 * A JUKI card or My Number Card as the register keeps it. The PIN is only ever present as its salted hash inside
 * {@link CardPinState}, and {@link #toString()} shows neither.
 */
public record Card(long id, CardType type, String number, String holderResidentCode, boolean photo,
                   LocalDate issuedOn, LocalDate validUntil, CardStatus status, String managingMunicipalityCode,
                   CardPinState pin, int freeEndorsementLines) {

    @Override
    public String toString() {
        return "Card[" + type + " " + number + " " + status + "]";
    }
}
