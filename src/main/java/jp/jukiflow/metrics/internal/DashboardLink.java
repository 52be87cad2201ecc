package jp.jukiflow.metrics.internal;

import jp.jukiflow.home.StartLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dashboard on the start page. */
@Configuration(proxyBeanMethods = false)
class DashboardLink {

    @Bean
    StartLink dashboardStartLink() {
        return new StartLink(15, "管理ダッシュボード", "/dashboard",
                "受付・完了件数、処理日数、滞留タスク、期限が迫る案件、インシデントを市区町村ごとに確認します。", "管理職・システム管理者");
    }
}
