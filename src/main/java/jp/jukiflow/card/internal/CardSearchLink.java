package jp.jukiflow.card.internal;

import jp.jukiflow.home.StartLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clerks' card search on the start page. */
@Configuration(proxyBeanMethods = false)
class CardSearchLink {

    @Bean
    StartLink cardSearchStartLink() {
        return new StartLink(25, "カードの検索", "/staff/cards",
                "カード番号または住民票コードでカードを探し、状態・履歴の確認や返納の受付をします。", "職員");
    }
}
