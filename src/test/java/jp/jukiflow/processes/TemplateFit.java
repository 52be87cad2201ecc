package jp.jukiflow.processes;

import static org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.BPMN20_NS;
import static org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.CAMUNDA_NS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * How a Camunda 7 element template of .camunda/element-templates/ (the folder Camunda Modeler reads in a project)
 * fits the model elements it is meant for. An element is one of the template's when it has the template's fixed values
 * (its hidden properties and its delegate expression); it fits when every property of the template would have written
 * what the element holds.
 */
final class TemplateFit {

    static final Path FOLDER = Path.of(".camunda", "element-templates");
    static final String DELEGATE = "camunda:delegateExpression";

    private TemplateFit() {
    }

    /** Every template of every file of the folder (a file holds an array of templates or one template). */
    static List<JsonNode> templates() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> templates = new ArrayList<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode content = json.readTree(file.toFile());
                if (content.isArray()) {
                    content.forEach(templates::add);
                } else {
                    templates.add(content);
                }
            }
        }
        return templates;
    }

    /** The values a property allows: its choices for a dropdown, else its value. */
    static List<String> allowed(JsonNode property) {
        List<String> values = new ArrayList<>();
        if ("Dropdown".equals(property.path("type").asText())) {
            property.path("choices").forEach(choice -> values.add(choice.path("value").asText()));
        } else if (property.has("value")) {
            values.add(property.path("value").asText());
        }
        return values;
    }

    /** Whether the element is of the template's kind and carries its fixed values. */
    static boolean isOf(JsonNode template, DomElement element) {
        if (!appliesTo(template, element)) {
            return false;
        }
        for (JsonNode property : template.path("properties")) {
            boolean fixed = "Hidden".equals(property.path("type").asText())
                    || DELEGATE.equals(property.path("binding").path("name").asText());
            if (fixed && !allowed(property).contains(read(property.path("binding"), element))) {
                return false;
            }
        }
        return true;
    }

    /** What in the element the template would not have written (empty: it fits). */
    static List<String> misfits(JsonNode template, DomElement element) {
        List<String> problems = new ArrayList<>();
        for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            String where = ProcessConventions.describe(element) + " " + binding.path("type").asText() + " "
                    + binding.path("name").asText();
            if (!readable(binding)) {
                problems.add(where + ": a binding this test cannot read yet");
                continue;
            }
            String value = read(binding, element);
            String type = property.path("type").asText();
            switch (type) {
                case "Hidden", "Dropdown" -> {
                    if (!allowed(property).contains(value)) {
                        problems.add(where + ": '" + value + "' is not one of " + allowed(property));
                    }
                }
                case "Boolean" -> {
                    String expected = property.path("value").asText("false");
                    if (!expected.equals(value == null ? "false" : value)) {
                        problems.add(where + ": '" + value + "' instead of " + expected);
                    }
                }
                default -> problems.addAll(textMisfits(property.path("constraints"), value, where));
            }
        }
        return problems;
    }

    private static List<String> textMisfits(JsonNode constraints, String value, String where) {
        List<String> problems = new ArrayList<>();
        if (value == null || value.isEmpty()) {
            if (constraints.path("notEmpty").asBoolean()) {
                problems.add(where + ": empty, but the template requires it");
            }
            return problems;
        }
        String pattern = constraints.path("pattern").path("value").asText(null);
        if (pattern != null && !value.matches(pattern)) {
            problems.add(where + ": '" + value + "' does not match " + pattern);
        }
        return problems;
    }

    private static boolean appliesTo(JsonNode template, DomElement element) {
        String type = template.path("elementType").path("value").asText(null);
        List<String> types = new ArrayList<>();
        if (type != null) {
            types.add(type);
        } else {
            template.path("appliesTo").forEach(t -> types.add(t.asText()));
        }
        return BPMN20_NS.equals(element.getNamespaceURI()) && types.stream()
                .map(t -> t.substring(t.indexOf(':') + 1))
                .anyMatch(t -> (Character.toLowerCase(t.charAt(0)) + t.substring(1)).equals(element.getLocalName()));
    }

    static boolean readable(JsonNode binding) {
        String type = binding.path("type").asText();
        return "camunda:inputParameter".equals(type) || "property".equals(type);
    }

    /** The element's value for the binding, null where it has none. */
    static String read(JsonNode binding, DomElement element) {
        String name = binding.path("name").asText();
        return switch (binding.path("type").asText()) {
            case "property" -> name.startsWith("camunda:")
                    ? element.getAttribute(CAMUNDA_NS, name.substring("camunda:".length()))
                    : element.getAttribute(name);
            case "camunda:inputParameter" -> inputParameter(element, name);
            default -> null;
        };
    }

    private static String inputParameter(DomElement element, String name) {
        for (DomElement extensions : element.getChildElementsByNameNs(BPMN20_NS, "extensionElements")) {
            for (DomElement io : extensions.getChildElementsByNameNs(CAMUNDA_NS, "inputOutput")) {
                for (DomElement parameter : io.getChildElementsByNameNs(CAMUNDA_NS, "inputParameter")) {
                    if (name.equals(parameter.getAttribute("name"))) {
                        return parameter.getTextContent().strip();
                    }
                }
            }
        }
        return null;
    }
}
