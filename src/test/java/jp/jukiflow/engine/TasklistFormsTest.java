package jp.jukiflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the clerk sees in the Tasklist forms ({@code forms/*.form}, Camunda Forms as Tasklist 7.24's form-js renders
 * them), checked as files.
 */
class TasklistFormsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode form(String name) {
        try {
            return JSON.readTree(Files.readString(Path.of("forms", name + ".form")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every component of a form, those inside groups included. */
    static List<JsonNode> components(JsonNode form) {
        List<JsonNode> all = new ArrayList<>();
        collect(form.path("components"), all);
        return all;
    }

    private static void collect(JsonNode components, List<JsonNode> into) {
        for (JsonNode c : components) {
            into.add(c);
            collect(c.path("components"), into);
        }
    }

    static Stream<String> formNames() {
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".form"))
                    .map(n -> n.substring(0, n.length() - ".form".length())).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The PIN steps: a button opens the PIN pad of this task in a new tab (the text component's HTML link, which the
     * form's sanitizer keeps with {@code target="_blank"}), the validity is shown, and no request id is on the screen.
     */
    @ParameterizedTest
    @ValueSource(strings = {"transfer-in-with-card-pin", "card-continuation-pin", "wide-area-copy-pin",
            "pin-reset-new-pin"})
    void thePinStepOpensThePinPadInANewTabAndShowsTheValidity(String name) {
        List<JsonNode> components = components(form(name));
        String url = name.equals("pin-reset-new-pin") ? "newPinPadUrl" : "pinPadUrl";
        assertThat(components).anySatisfy(c -> {
            assertThat(c.path("type").asText()).isEqualTo("text");
            assertThat(c.path("text").asText()).contains("href=\"{{" + url + "}}\"", "target=\"_blank\"",
                    "rel=\"noopener\"", "暗証番号入力画面を開く", "有効期限", "{{pinRequestValidUntil}}");
        });
        assertThat(components).noneSatisfy(c -> assertThat(c.path("key").asText())
                .isIn("pinRequestId", "newPinRequestId", "pinPadUrl", "newPinPadUrl"));
        assertThat(components).extracting(c -> c.path("text").asText()).noneMatch(t -> t.contains("{暗証番号の入力依頼}"));
    }
}
