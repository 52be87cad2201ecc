package jp.jukiflow.jukinet;

import java.time.Instant;
import java.util.Objects;

/**
 * 転出証明書情報の請求: the destination asks the origin to send (again) the 転出証明書情報 of a special transfer-out
 * whose resident stands at its counter while nothing arrived. The origin answers, when it has such a case waiting for
 * the move-in, with a new {@link MessageType#MOVE_OUT_CERTIFICATE_INFO} message of the same content.
 *
 * @param originCode           転出元 (6-digit code), the receiver of the request
 * @param destinationCode      転出先 (6-digit code), the sender of the request
 * @param originReceiptNumber  the origin's receipt number the resident was shown, or {@code null} when unknown
 * @param residentCode         住民票コード of the card holder, or {@code null}; one of the two is required
 * @param requestedAt          when the destination asked
 */
public record MoveOutCertificateRequest(String originCode, String destinationCode, String originReceiptNumber,
                                        String residentCode, Instant requestedAt) {

    public MoveOutCertificateRequest {
        Payloads.requireText(originCode, "originCode");
        Payloads.requireText(destinationCode, "destinationCode");
        originReceiptNumber = blankToNull(originReceiptNumber);
        residentCode = blankToNull(residentCode);
        if (originReceiptNumber == null && residentCode == null) {
            throw new IllegalArgumentException("A Juki-net payload needs originReceiptNumber or residentCode");
        }
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
