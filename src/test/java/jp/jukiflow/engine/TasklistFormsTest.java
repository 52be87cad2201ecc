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
import org.junit.jupiter.params.provider.MethodSource;
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
            "pin-reset-new-pin", "pin-change-pin", "pin-change-new-pin"})
    void thePinStepOpensThePinPadInANewTabAndShowsTheValidity(String name) {
        List<JsonNode> components = components(form(name));
        String url = name.endsWith("-new-pin") ? "newPinPadUrl" : "pinPadUrl";
        assertThat(components).anySatisfy(c -> {
            assertThat(c.path("type").asText()).isEqualTo("text");
            assertThat(c.path("text").asText()).contains("href=\"{{" + url + "}}\"", "target=\"_blank\"",
                    "rel=\"noopener\"", "暗証番号入力画面を開く", "有効期限", "{{pinRequestValidUntil}}");
        });
        assertThat(components).noneSatisfy(c -> assertThat(c.path("key").asText())
                .isIn("pinRequestId", "newPinRequestId", "pinPadUrl", "newPinPadUrl"));
        assertThat(components).extracting(c -> c.path("text").asText()).noneMatch(t -> t.contains("{暗証番号の入力依頼}"));
    }

    /** Tasklist's date picker shows mm/dd/yyyy: every date is typed as YYYY-MM-DD, checked by the form. */
    @ParameterizedTest
    @MethodSource("formNames")
    void datesAreTypedAsYearMonthDayNeverPicked(String name) {
        List<JsonNode> components = components(form(name));
        assertThat(components).noneSatisfy(c -> assertThat(c.path("type").asText()).isEqualTo("datetime"));
        components.stream().filter(c -> DATE_KEYS.contains(c.path("key").asText()) && !c.path("readonly").asBoolean())
                .forEach(c -> {
                    assertThat(c.path("validate").path("pattern").asText()).as(name + " " + c.path("key"))
                            .isEqualTo("^\\d{4}-\\d{2}-\\d{2}$");
                    assertThat(c.path("description").asText()).contains("YYYY-MM-DD", "例 2026-12-10");
                });
    }

    static final java.util.Set<String> DATE_KEYS = java.util.Set.of("movedInDate", "transferInDeadline",
            "certificateMailedOn", "letterArrivedOn", "plannedMoveOutDate", "movedOn", "filerBirthDate",
            "requesterBirthDate", "lostOn", "transferInFiledOn");

    /** No code where a clerk reads a word: the card's state, the PIN result, a municipality, an ID document. */
    @ParameterizedTest
    @MethodSource("formNames")
    void theClerkReadsWordsNotCodes(String name) {
        for (JsonNode c : components(form(name))) {
            String key = c.path("key").asText();
            if (c.path("readonly").asBoolean() && c.path("type").asText().startsWith("text")) {
                assertThat(key).as(name).isNotIn("cardState", "pinResult", "homeMunicipalityCode", "idDocument",
                        "pinRequestId", "newPinRequestId", "inquiryPdfUrl");
            }
            assertThat(c.path("label").asText()).as(name + " " + key).doesNotContain("WRONG", "NOT_ENTERED", "VALID");
        }
    }

    /**
     * The counter is chosen by name from the offices that accept the procedure. A start form cannot read variables, so
     * the choices are written into the .form file, edited directly (Camunda Modeler) when the municipalities in
     * application.yml change; this keeps the two in step.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"card-continuation-start,CARD_CONTINUATION",
            "card-suspension-start,CARD_SUSPENSION", "pin-reset-start,PIN_RESET", "pin-change-start,PIN_CHANGE", "transfer-in-with-card-start,TRANSFER_IN_WITH_CARD",
            "wide-area-copy-start,WIDE_AREA_COPY"})
    void theOfficeIsChosenFromTheOfficesThatAcceptTheProcedure(String name, String procedure) throws IOException {
        JsonNode office = components(form(name)).stream().filter(c -> c.path("key").asText().equals("officeId"))
                .findFirst().orElseThrow();
        assertThat(office.path("type").asText()).isEqualTo("select");
        List<String> expected = new ArrayList<>();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
            for (Object document : new org.yaml.snakeyaml.Yaml().loadAll(in)) {
                if (document instanceof java.util.Map<?, ?> root && root.get("jukiflow") instanceof java.util.Map<?, ?> j
                        && j.get("municipalities") instanceof List<?> municipalities) {
                    for (Object m : municipalities) {
                        for (Object o : (List<?>) ((java.util.Map<?, ?>) m).get("offices")) {
                            java.util.Map<?, ?> officeConfig = (java.util.Map<?, ?>) o;
                            if (((List<?>) officeConfig.get("procedures")).contains(procedure)) {
                                expected.add(officeConfig.get("id") + "=" + officeConfig.get("name"));
                            }
                        }
                    }
                }
            }
        }
        List<String> offered = new ArrayList<>();
        office.path("values").forEach(v -> offered.add(v.path("value").asText() + "=" + v.path("label").asText()));
        assertThat(offered).isNotEmpty().containsExactlyElementsOf(expected);
    }

    /** Tasklist's 説明 tab shows a user task's documentation: every clerk task says what to do. */
    @org.junit.jupiter.api.Test
    void everyUserTaskCarriesTheClerksInstruction() throws IOException {
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            models = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
        int tasks = 0;
        for (Path model : models) {
            var instance = org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(model.toFile());
            for (var task : instance.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)) {
                tasks++;
                assertThat(task.getDocumentations()).as(model + " " + task.getId()).singleElement()
                        .satisfies(d -> assertThat(d.getTextContent()).contains("完了").doesNotContain("${", "#{"));
            }
        }
        assertThat(tasks).isGreaterThanOrEqualTo(23);
    }
}
