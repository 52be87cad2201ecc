package jp.jukiflow.transferin.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The [design] settings of the special transfer-in.
 *
 * @param certificateWait how long to wait before checking again for a 転出証明書情報 not yet received (ISO 8601)
 */
@ConfigurationProperties("jukiflow.transfer-in")
public record TransferInSettings(@DefaultValue("PT1H") String certificateWait) {
}
