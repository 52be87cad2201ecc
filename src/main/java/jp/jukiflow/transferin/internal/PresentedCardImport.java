package jp.jukiflow.transferin.internal;

import java.util.Optional;

import jp.jukiflow.card.Card;
import jp.jukiflow.card.CardPinState;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.card.CardStatus;
import jp.jukiflow.card.CardType;
import jp.jukiflow.card.NewCard;
import jp.jukiflow.card.PresentedCards;
import jp.jukiflow.jukinet.MoveOutCertificateInfo;
import jp.jukiflow.register.MovingInPerson;
import jp.jukiflow.register.PersonName;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.register.Sex;
import org.springframework.stereotype.Component;

/**
 * The card presented at this counter, as the transfer-in needs it: from this deployment's card registry, or, when it
 * is not there (the holder moves in from a municipality another deployment serves), from the expected move-in's
 * 転出証明書情報, which carries what the card presents ({@link MoveOutCertificateInfo.PresentedCard}). Such a card is
 * kept here on first need, with its holder's row as {@code MOVING_IN} (the card's row needs it), and is then checked
 * like any card of this database. Only a certificate still expected here and carrying that very card number counts.
 */
@Component
class PresentedCardImport {

    static final String PURPOSE = "特例転入のカードの確認";

    private final CardRegistry cards;
    private final PresentedCards presentedCards;
    private final ResidentRegister register;

    PresentedCardImport(CardRegistry cards, PresentedCards presentedCards, ResidentRegister register) {
        this.cards = cards;
        this.presentedCards = presentedCards;
        this.register = register;
    }

    /** The card with that number here, imported from {@code certificate} first when needed; empty when neither has it. */
    Optional<Card> cardHere(String cardNumber, MoveOutCertificateInfo certificate, String counterMunicipalityCode) {
        if (cardNumber == null || cardNumber.isBlank()) {
            return Optional.empty();
        }
        String number = cardNumber.strip();
        Optional<Card> known = cards.find(number);
        if (known.isPresent() || certificate == null || certificate.card() == null
                || !certificate.card().number().equals(number)) {
            return known;
        }
        MoveOutCertificateInfo.PresentedCard c = certificate.card();
        MoveOutCertificateInfo.Mover holder = certificate.cardHolder();
        register.recordExpectedMoveIn(person(holder), counterMunicipalityCode, certificate.newAddress(),
                holder.relationship(), certificate.receiptNumber(), PURPOSE);
        NewCard card = new NewCard(CardType.valueOf(c.type()), number, holder.residentCode(), c.photo(), c.issuedOn(),
                c.validUntil(), CardStatus.valueOf(c.status()), c.managingMunicipalityCode(),
                new CardPinState(c.pinHash(), c.consecutivePinFailures(), c.pinLocked()), c.freeEndorsementLines());
        return Optional.of(presentedCards.importPresented(card, counterMunicipalityCode,
                "転出元 " + certificate.originCode() + " の転出証明書情報（受付番号 " + certificate.receiptNumber() + "）"));
    }

    /** The person as the certificate describes them. */
    static MovingInPerson person(MoveOutCertificateInfo.Mover m) {
        return new MovingInPerson(ResidentCode.of(m.residentCode()), PersonName.fromCertificate(m.name(), m.nameKana()),
                m.birthDate(), Sex.valueOf(m.sex()));
    }
}
