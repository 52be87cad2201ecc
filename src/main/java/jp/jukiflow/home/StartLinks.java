package jp.jukiflow.home;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The start page links of the parts that are always there: the Camunda webapps and the public API docs. */
@Configuration(proxyBeanMethods = false)
class StartLinks {

    @Bean
    StartLink tasklistLink() {
        return new StartLink(10, "タスクリスト（Tasklist）", "/camunda/app/tasklist/",
                "届出の審査・入力などのタスクを担当し、処理します。", "職員");
    }

    @Bean
    StartLink cockpitLink() {
        return new StartLink(20, "コックピット（Cockpit）", "/camunda/app/cockpit/",
                "手続の進み具合、滞留、インシデントを確認します。", "管理職・システム管理者");
    }

    @Bean
    StartLink adminLink() {
        return new StartLink(30, "管理（Admin）", "/camunda/app/admin/",
                "職員のユーザー・グループ・権限を管理します。", "システム管理者");
    }

    @Bean
    StartLink apiDocsLink() {
        return new StartLink(40, "公開APIの説明（OpenAPI）", "/swagger-ui.html",
                "市区町村・窓口・開庁日カレンダーを返す公開APIの仕様です。", "連携システムの開発者");
    }
}
