package jp.jukiflow.jukinet;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * 転出取消の通知: the origin tells the destination that a transfer-out whose 転出証明書情報 it sent was cancelled (the
 * resident did not move, docs/domain.md §10): the destination drops its expected move-in and refuses a later special
 * transfer-in for it.
 *
 * @param receiptNumber   the origin's receipt number of the cancelled transfer-out (the certificate's)
 * @param originCode      the municipality that cancelled it (the sender of this notice)
 * @param destinationCode the municipality the certificate went to (the receiver of this notice)
 * @param cancelledOn     the day the origin cancelled the transfer-out
 * @param residentCodes   住民票コード of each mover who stays a resident of the origin
 */
public record MoveOutCancellation(String receiptNumber, String originCode, String destinationCode,
                                  LocalDate cancelledOn, List<String> residentCodes) {

    public MoveOutCancellation {
        Payloads.requireText(receiptNumber, "receiptNumber");
        Payloads.requireText(originCode, "originCode");
        Payloads.requireText(destinationCode, "destinationCode");
        Objects.requireNonNull(cancelledOn, "cancelledOn");
        residentCodes = Payloads.requireNonEmpty(residentCodes, "residentCodes");
    }
}
