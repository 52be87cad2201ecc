package jp.jukiflow.transferin.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The [design] settings of the special transfer-in.
 *
 * @param certificateWait         how long to wait, after asking the origin, before looking again for a 転出証明書情報
 *                                not yet received (ISO 8601)
 * @param certificateWaitAttempts after this many such waits without the certificate, a clerk decides
 *                                (「転出証明書情報の未着確認」: ask again, or switch to the ordinary transfer-in)
 */
@ConfigurationProperties("jukiflow.transfer-in")
public record TransferInSettings(@DefaultValue("PT1H") String certificateWait,
                                 @DefaultValue("3") int certificateWaitAttempts) {

    public TransferInSettings {
        if (certificateWaitAttempts < 1) {
            throw new IllegalArgumentException("jukiflow.transfer-in.certificate-wait-attempts must be at least 1");
        }
    }
}
