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

/** The Japanese translations of the webapps have every key of Camunda 7.24's English ones, and keep placeholders. */
class TasklistTranslationTest {

    private static final String LOCALES = "/META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome"})
    void japaneseHasExactlyTheEnglishKeys(String app) throws IOException {
        Map<String, String> en = flatten(read(app, "en"));
        Map<String, String> ja = flatten(read(app, "ja"));
        assertThat(en).hasSizeGreaterThan(100);
        assertThat(new TreeSet<>(ja.keySet())).isEqualTo(new TreeSet<>(en.keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome"})
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
    @ValueSource(strings = {"tasklist", "welcome"})
    void vendorEndOfLifeBannerIsEmpty(String app) throws IOException {
        assertThat(flatten(read(app, "ja")).get("labels.BANNER_CE_EOL_TEXT")).isEmpty();
    }

    private static JsonNode read(String app, String locale) throws IOException {
        String path = LOCALES.formatted(app, locale);
        try (InputStream in = TasklistTranslationTest.class.getResourceAsStream(path)) {
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
