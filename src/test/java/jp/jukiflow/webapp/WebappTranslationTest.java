package jp.jukiflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Japanese translations of the webapps have every key of Camunda 7.24's English ones (the English files are read
 * from the Camunda webjar), keep placeholders, leave the vendor's banner empty; every webapp is configured to speak
 * Japanese only and hides the vendor's banner. The Cockpit and Admin files are built by tools/webapp_locale.py.
 */
class WebappTranslationTest {

    private static final String LOCALES = "/META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    private static final String CONFIG = "/META-INF/resources/webjars/camunda/app/%s/scripts/config.js";
    private static final String STYLES = "/META-INF/resources/webjars/camunda/app/%s/styles/user-styles.css";
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void japaneseHasExactlyTheEnglishKeys(String app) throws IOException {
        Map<String, String> en = flatten(read(app, "en"));
        Map<String, String> ja = flatten(read(app, "ja"));
        assertThat(en).hasSizeGreaterThan(100);
        assertThat(new TreeSet<>(ja.keySet())).isEqualTo(new TreeSet<>(en.keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void everyPlaceholderSurvivesTranslation(String app) throws IOException {
        Map<String, String> en = flatten(read(app, "en"));
        Map<String, String> ja = flatten(read(app, "ja"));
        en.forEach((key, english) -> {
            Matcher m = PLACEHOLDER.matcher(english);
            while (m.find()) {
                assertThat(ja.get(key)).as("placeholder %s in %s", m.group(), key).contains(m.group());
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void vendorEndOfLifeBannerIsEmpty(String app) throws IOException {
        assertThat(flatten(read(app, "ja")).get("labels.BANNER_CE_EOL_TEXT")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"}) // the welcome page has no dateLocales
    void dateLocalesAreJapanese(String app) throws IOException {
        Map<String, String> ja = flatten(read(app, "ja"));
        assertThat(ja.get("dateLocales.months[0]")).isEqualTo("1月");
        assertThat(ja.get("dateLocales.weekdays[0]")).isEqualTo("日曜日");
        assertThat(ja.get("dateLocales.longDateFormat.LL")).isEqualTo("YYYY年M月D日");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void mostLabelsAreJapaneseText(String app) throws IOException {
        Map<String, String> en = flatten(read(app, "en"));
        Map<String, String> ja = flatten(read(app, "ja"));
        long japanese = ja.entrySet().stream().filter(e -> e.getKey().startsWith("labels."))
                .filter(e -> JAPANESE.matcher(e.getValue()).find()).count();
        long labels = en.keySet().stream().filter(k -> k.startsWith("labels.")).count();
        // the rest are symbols (<, >=), product names (Camunda, Optimize), IDs and the emptied vendor banner
        assertThat(japanese).as("labels in Japanese").isGreaterThan(labels * 9 / 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void configurationSpeaksJapaneseOnly(String app) throws IOException {
        String config = resource(CONFIG.formatted(app));
        assertThat(config).contains("availableLocales: ['ja']", "fallbackLocale: 'ja'", "vendor: 'jukiflow'");
        assertThat(config).containsPattern("name: '[^'a-zA-Z]+'");
        assertThat(config).containsPattern("normal: 'YYYY年M月D日");
        if (!app.equals("welcome")) {
            assertThat(config).as("no first-visit box pointing to the English welcome text").contains("disableWelcomeMessage: true");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void vendorBannerIsHidden(String app) throws IOException {
        assertThat(resource(STYLES.formatted(app))).containsPattern("\\.ce-eol-banner\\s*\\{\\s*display:\\s*none");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = WebappTranslationTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static JsonNode read(String app, String locale) throws IOException {
        String path = LOCALES.formatted(app, locale);
        try (InputStream in = WebappTranslationTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> flat = new java.util.HashMap<>();
        flatten("", node, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), flat);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), flat);
            }
        } else {
            flat.put(prefix, node.asText());
        }
    }
}
