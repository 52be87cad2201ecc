package jp.jukiflow.jukinet;

/**
 * Published (synchronously, inside the receiving transaction) when a 転出証明書情報 was recorded or updated as an
 * expected move-in, so that a special transfer-in already waiting for it at the destination's counter can go on.
 * Not published for a certificate that was ignored (its move-in already registered or cancelled).
 */
public record MoveOutCertificateInfoReceived(MoveOutCertificateInfo certificate, String messageId) {
}
