package jp.jukiflow.jukinet;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * 転入通知: the destination tells the origin that it registered the movers (法9条), so the origin can close the
 * transfer-out (住民票消除 → 除票).
 *
 * @param receiptNumber   the origin's receipt number of the transfer-out this notice closes
 * @param originCode      the municipality the people moved out of (the receiver of this notice)
 * @param destinationCode the municipality that registered them (the sender of this notice)
 * @param movedInOn       the day they moved in (転入日)
 * @param residentCodes   住民票コード of each registered mover
 */
public record MoveInNotice(String receiptNumber, String originCode, String destinationCode, LocalDate movedInOn,
                           List<String> residentCodes) {

    public MoveInNotice {
        Payloads.requireText(receiptNumber, "receiptNumber");
        Payloads.requireText(originCode, "originCode");
        Payloads.requireText(destinationCode, "destinationCode");
        Objects.requireNonNull(movedInOn, "movedInOn");
        residentCodes = Payloads.requireNonEmpty(residentCodes, "residentCodes");
    }
}
