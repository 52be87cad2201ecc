package jp.jukiflow.disclosure.internal;

import jp.jukiflow.home.StartLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clerks' disclosure page on the start page. */
@Configuration(proxyBeanMethods = false)
class DisclosureStartLink {

    @Bean
    StartLink provisionDisclosureLink() {
        return new StartLink(15, "本人確認情報の提供状況開示", "/staff/disclosures",
                "住民の方の求めに応じて、その方の本人確認情報をいつ・どこへ・何のために提供したかを一覧にし、PDF・CSVで交付します。",
                "職員");
    }
}
