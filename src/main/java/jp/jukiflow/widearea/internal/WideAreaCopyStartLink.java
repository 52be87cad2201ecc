package jp.jukiflow.widearea.internal;

import jp.jukiflow.home.StartLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clerks' list of today's wide-area copies on the start page. */
@Configuration(proxyBeanMethods = false)
class WideAreaCopyStartLink {

    @Bean
    StartLink wideAreaCopiesLink() {
        return new StartLink(16, "本日交付した住民票の写し（広域交付）", WideAreaCopyController.PATH,
                "この市区町村の窓口で本日交付した住民票の写し（広域交付）の一覧です。PDFを開いて印刷できます。", "職員");
    }
}
