package jp.jukiflow.jukinet;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * 転出証明書情報: what the origin sends the destination after a special transfer-out (DOMAIN.md §1), and only that. It
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
 */
public record MoveOutCertificateInfo(String receiptNumber, String originCode, String destinationCode,
                                     LocalDate plannedMoveOutDate, LocalDate movedOn, String newAddress,
                                     String newHeadOfHousehold, List<Mover> movers, String cardHolderResidentCode,
                                     String cardType, boolean continuedUse, LocalDate lastDayForTransferIn) {

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
