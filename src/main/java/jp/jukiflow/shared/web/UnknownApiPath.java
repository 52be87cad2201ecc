package jp.jukiflow.shared.web;

import io.swagger.v3.oas.annotations.Hidden;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers any API path that no controller maps (the least specific mapping wins only when nothing else matches),
 * so that a mistyped API URL gets a problem+json 404 in Japanese instead of an HTML page.
 */
@RestController
@Hidden
class UnknownApiPath {

    @RequestMapping({"/api/**", "/staff/api/**"})
    void unknown() {
        throw new ResourceNotFound("NOT_FOUND", "指定されたURLは存在しません。URLを確認してください。");
    }
}
