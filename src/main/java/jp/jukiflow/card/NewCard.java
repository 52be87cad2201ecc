package jp.jukiflow.card;

import java.time.LocalDate;

/** What is needed to record a card that was issued: the holder, the card facts and the already hashed PIN. */
public record NewCard(CardType type, String number, String holderResidentCode, boolean photo, LocalDate issuedOn,
                      LocalDate validUntil, CardStatus status, String managingMunicipalityCode, CardPinState pin,
                      int freeEndorsementLines) {
}
