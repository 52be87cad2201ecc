package jp.jukiflow.jukinet;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * 転出証明書情報: what the origin sends the destination after a special transfer-out (docs/domain.md §1), and only that. It
 * never carries 本籍 or 筆頭者 (§8): the destination registers the person from these fields alone.
 *
 * @param receiptNumber          the origin's receipt number (受付番号) of the transfer-out, e.g. 013676-2026-000123
 * @param originCode             転出元 (6-digit code)
 * @param destinationCode        転出先 (6-digit code)
 * @param plannedMoveOutDate     転出予定日
 * @param movedOn                the day of the actual move when already known, else {@code null}
 * @param newAddress             転出先の住所
 * @param newHeadOfHousehold     転出先の世帯主
 * @param movers                 異動者, at least one
 * @param cardHolderResidentCode 住民票コード of the mover whose card is used (one of the movers)
 * @param cardType               {@code JUKI} or {@code MY_NUMBER}
 * @param continuedUse           whether continued use of the card (継続利用) is wanted
 * @param lastDayForTransferIn   the last day of the special transfer-in as the origin computed it
 * @param card                   what the card holder's card presents at the destination's counter, or {@code null}
 *                               (a sender that does not fill it); see {@link PresentedCard}
 * @param transferOutFiledOn     the day the 転出届 arrived at the origin (a mailed form counts by the day it arrives),
 *                               by which the destination judges "filed more than 14 days after the move"; {@code null}
 *                               in a payload of a sender that does not fill it (older payloads stay readable)
 */
public record MoveOutCertificateInfo(String receiptNumber, String originCode, String destinationCode,
                                     LocalDate plannedMoveOutDate, LocalDate movedOn, String newAddress,
                                     String newHeadOfHousehold, List<Mover> movers, String cardHolderResidentCode,
                                     String cardType, boolean continuedUse, LocalDate lastDayForTransferIn,
                                     PresentedCard card, LocalDate transferOutFiledOn) {

    public MoveOutCertificateInfo {
        Payloads.requireText(receiptNumber, "receiptNumber");
        Payloads.requireText(originCode, "originCode");
        Payloads.requireText(destinationCode, "destinationCode");
        Objects.requireNonNull(plannedMoveOutDate, "plannedMoveOutDate");
        movers = Payloads.requireNonEmpty(movers, "movers");
        Payloads.requireText(cardHolderResidentCode, "cardHolderResidentCode");
        if (movers.stream().noneMatch(m -> m.residentCode().equals(cardHolderResidentCode))) {
            throw new IllegalArgumentException("The card holder must be one of the movers");
        }
    }

    /** A certificate without the day the 転出届 arrived at the origin. */
    public MoveOutCertificateInfo(String receiptNumber, String originCode, String destinationCode,
                                  LocalDate plannedMoveOutDate, LocalDate movedOn, String newAddress,
                                  String newHeadOfHousehold, List<Mover> movers, String cardHolderResidentCode,
                                  String cardType, boolean continuedUse, LocalDate lastDayForTransferIn,
                                  PresentedCard card) {
        this(receiptNumber, originCode, destinationCode, plannedMoveOutDate, movedOn, newAddress, newHeadOfHousehold,
                movers, cardHolderResidentCode, cardType, continuedUse, lastDayForTransferIn, card, null);
    }

    /** A certificate without the card's data. */
    public MoveOutCertificateInfo(String receiptNumber, String originCode, String destinationCode,
                                  LocalDate plannedMoveOutDate, LocalDate movedOn, String newAddress,
                                  String newHeadOfHousehold, List<Mover> movers, String cardHolderResidentCode,
                                  String cardType, boolean continuedUse, LocalDate lastDayForTransferIn) {
        this(receiptNumber, originCode, destinationCode, plannedMoveOutDate, movedOn, newAddress, newHeadOfHousehold,
                movers, cardHolderResidentCode, cardType, continuedUse, lastDayForTransferIn, null, null);
    }

    /** The mover whose card is used. */
    public Mover cardHolder() {
        return movers.stream().filter(m -> m.residentCode().equals(cardHolderResidentCode)).findFirst().orElseThrow();
    }

    /**
     * What the card holder's card itself presents at the destination's counter: its number, type, dates, status, the
     * managing municipality, the free lines of the 追記欄, and its PIN state. The destination keeps the card from this
     * when the card is not in its own database (a move between deployments), so that the counter can check the card
     * and the PIN as it checks its own cards.
     *
     * <p>Why the PIN's salted slow hash travels: in real life the card's IC chip verifies the PIN at the destination's
     * counter, and no municipality needs the origin for it. jukiflow has no chip; the hash (the same PBKDF2 record the
     * origin keeps, docs/domain.md §5) stands in for it, with the wrong-entry count and lock the chip would carry. It
     * travels only inside Juki-net, between the two municipalities' registers; it is never written to a log (the
     * Juki-net logs name messages only, and {@link #toString()} hides it); and the PIN itself never travels.
     *
     * @param number                   カード番号
     * @param type                     {@code JUKI} or {@code MY_NUMBER}
     * @param photo                    with photo
     * @param issuedOn                 発行日
     * @param validUntil               有効期限
     * @param status                   recorded status ({@code ACTIVE}, {@code SUSPENDED}, …)
     * @param managingMunicipalityCode the municipality managing the card (the origin until the continuation)
     * @param freeEndorsementLines     free lines left in the 追記欄
     * @param pinHash                  the PIN's salted slow hash (never the PIN)
     * @param consecutivePinFailures   wrong entries since the last right one
     * @param pinLocked                whether the PIN is locked
     */
    public record PresentedCard(String number, String type, boolean photo, LocalDate issuedOn, LocalDate validUntil,
                                String status, String managingMunicipalityCode, int freeEndorsementLines,
                                String pinHash, int consecutivePinFailures, boolean pinLocked) {

        public PresentedCard {
            Payloads.requireText(number, "card.number");
            Payloads.requireText(type, "card.type");
            Objects.requireNonNull(issuedOn, "card.issuedOn");
            Objects.requireNonNull(validUntil, "card.validUntil");
            Payloads.requireText(status, "card.status");
            Payloads.requireText(managingMunicipalityCode, "card.managingMunicipalityCode");
            Payloads.requireText(pinHash, "card.pinHash");
        }

        /** Shows neither the PIN hash nor the PIN state. */
        @Override
        public String toString() {
            return "PresentedCard[" + type + " " + number + " " + status + ", pinHash=****]";
        }
    }

    /**
     * One person moving: 住民票コード, 氏名, フリガナ, 生年月日, 性別 ({@code MALE}/{@code FEMALE}), 続柄 in the new
     * household.
     */
    public record Mover(String residentCode, String name, String nameKana, LocalDate birthDate, String sex,
                        String relationship) {

        public Mover {
            Payloads.requireText(residentCode, "residentCode");
            Payloads.requireText(name, "name");
        }
    }
}
