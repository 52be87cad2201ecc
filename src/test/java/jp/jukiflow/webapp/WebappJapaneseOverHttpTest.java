package jp.jukiflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Over real HTTP, where the webapps load them from ({@code /camunda/app/<app>/locales/ja.json}, {@code scripts/config.js},
 * {@code styles/user-styles.css}): the project's Japanese files win over the Camunda webjar's defaults.
 */
@JukiflowTest
class WebappJapaneseOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void servesTheJapaneseLocale(String app) throws IOException {
        ResponseEntity<byte[]> response = http.getForEntity("/camunda/app/" + app + "/locales/ja.json?bust=1", byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode served = JSON.readTree(response.getBody());
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/webjars/camunda/app/" + app + "/locales/ja.json")) {
            assertThat(served).isEqualTo(JSON.readTree(in));
        }
        assertThat(served.at("/labels/PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("ログイン");
        assertThat(served.at("/labels/BANNER_CE_EOL_TEXT").asText()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void servesTheJapaneseConfigurationAndStyles(String app) {
        assertThat(http.getForObject("/camunda/app/" + app + "/scripts/config.js?bust=1", String.class))
                .contains("availableLocales: ['ja']", "fallbackLocale: 'ja'", "vendor: 'jukiflow'");
        assertThat(http.getForObject("/camunda/app/" + app + "/styles/user-styles.css", String.class))
                .contains(".ce-eol-banner { display: none !important; }");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cockpit", "admin"})
    void cockpitAndAdminNameThemselvesInJapanese(String app) {
        String config = http.getForObject("/camunda/app/" + app + "/scripts/config.js", String.class);
        assertThat(config).contains(app.equals("cockpit") ? "name: 'コックピット'" : "name: '管理'");
        ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/default/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("camunda-" + app + "-bootstrap");
    }
}
