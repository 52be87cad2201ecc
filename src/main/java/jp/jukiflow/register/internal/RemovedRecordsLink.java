package jp.jukiflow.register.internal;

import jp.jukiflow.home.StartLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clerks' 除票 look-up on the start page. */
@Configuration(proxyBeanMethods = false)
class RemovedRecordsLink {

    @Bean
    StartLink removedRecordsStartLink() {
        return new StartLink(27, "除票の照会・除票の写し", "/staff/removed-records",
                "住民票を消除した方の記録（除票）を住民票コードで探し、除票の写しを交付します。", "職員");
    }
}
