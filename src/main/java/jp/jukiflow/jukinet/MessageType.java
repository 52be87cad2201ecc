package jp.jukiflow.jukinet;

/** The kinds of Juki-net message, with the payload type each carries. */
public enum MessageType {
    /** 転出証明書情報: origin → destination after a special transfer-out (法24条の2③). */
    MOVE_OUT_CERTIFICATE_INFO("転出証明書情報", MoveOutCertificateInfo.class),
    /** 転入通知: destination → origin after the move-in was registered (法9条). */
    MOVE_IN_NOTICE("転入通知", MoveInNotice.class),
    /** 転出証明書情報の請求: destination → origin when the 転出証明書情報 has not arrived; answered by a resent one. */
    MOVE_OUT_CERTIFICATE_REQUEST("転出証明書情報の請求", MoveOutCertificateRequest.class),
    /** 転出取消の通知: origin → destination when a transfer-out whose 転出証明書情報 was sent is cancelled. */
    MOVE_OUT_CANCELLATION("転出取消の通知", MoveOutCancellation.class),
    /** 広域交付の請求: issuing municipality → home municipality (住民票の写しの広域交付, docs/domain.md §7). */
    WIDE_AREA_COPY_REQUEST("広域交付請求", WideAreaCopyRequest.class),
    /** 広域交付の回答: home municipality → issuing municipality, the data of the copy or the reason it is refused. */
    WIDE_AREA_COPY_RESPONSE("広域交付回答", WideAreaCopyResponse.class);

    private final String label;
    private final Class<?> payloadType;

    MessageType(String label, Class<?> payloadType) {
        this.label = label;
        this.payloadType = payloadType;
    }

    /** The Japanese name shown to staff, e.g. 転出証明書情報. */
    public String label() {
        return label;
    }

    /** The payload class this type carries. */
    public Class<?> payloadType() {
        return payloadType;
    }
}
