package jp.jukiflow.intake.portal;

import jp.jukiflow.home.StartLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The portal on the start page, first: residents are the largest audience. */
@Configuration(proxyBeanMethods = false)
class PortalStartLink {

    @Bean
    StartLink residentPortalLink() {
        return new StartLink(5, "オンライン届出（住民の方）", "/portal",
                "マイナンバーカードをお持ちの方の転出届（郵送による特例転出）をオンラインで送り、受付番号で状況を確認できます。",
                "住民の方");
    }
}
