package jp.jukiflow.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.CAMUNDA_NS;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.card.PinPurpose;
import jp.jukiflow.municipality.Procedure;
import jp.jukiflow.pin.OpenPinRequest;
import jp.jukiflow.notify.MailTemplate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Camunda Modeler element templates in .camunda/element-templates/ write what the models hold: each template is
 * a valid Camunda 7 template, names delegates that are beans of the application, and fits every model element of its
 * kind ({@link TemplateFit}); every outside call has a template, and the dropdowns offer exactly the mail templates
 * and counter procedures of the code.
 */
class ElementTemplatesTest {

    static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
    static final Set<String> TYPES = Set.of("String", "Text", "Boolean", "Dropdown", "Hidden");

    static Stream<JsonNode> templates() throws IOException {
        List<JsonNode> templates = TemplateFit.templates();
        assertThat(templates).as("templates in " + TemplateFit.FOLDER).hasSizeGreaterThanOrEqualTo(4);
        return templates.stream();
    }

    /** Every element of every model in processes/. */
    static List<DomElement> modelElements() throws IOException {
        List<DomElement> all = new ArrayList<>();
        for (Path file : ProcessConventions.models()) {
            all.addAll(ProcessConventions.elements(
                    Bpmn.readModelFromFile(file.toFile()).getDocument().getRootElement()));
        }
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void isACamunda7Template(JsonNode template) {
        assertThat(template.path("$schema").asText()).isEqualTo(SCHEMA);
        assertThat(template.path("id").asText()).matches("jukiflow\\.[a-z][A-Za-z]+");
        assertThat(template.path("name").asText()).matches(".*" + ProcessConventions.JAPANESE.pattern() + ".*");
        assertThat(template.path("version").asInt()).isPositive();
        assertThat(template.path("appliesTo")).isNotEmpty().allSatisfy(t -> assertThat(t.asText()).startsWith("bpmn:"));
        assertThat(template.path("properties")).isNotEmpty().allSatisfy(property -> {
            assertThat(property.path("type").asText()).isIn(TYPES);
            assertThat(TemplateFit.readable(property.path("binding"))).as(property.toString()).isTrue();
            assertThat(TemplateFit.allowed(property).isEmpty())
                    .as("a hidden or dropdown property without a value: " + property)
                    .isEqualTo(!Set.of("Hidden", "Dropdown").contains(property.path("type").asText())
                            && !property.has("value"));
        });
    }

    @Test
    void theTemplateIdsAreUnique() throws IOException {
        List<String> ids = templates().map(t -> t.path("id").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void itsDelegatesAreBeansOfTheApplication(JsonNode template) {
        for (String expression : delegates(template)) {
            assertThat(DelegateBeans.all()).as(template.path("id") + " " + expression)
                    .containsKey(DelegateBeans.beanOf(expression));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void theModelsElementsOfItsKindFitIt(JsonNode template) throws IOException {
        List<DomElement> elements = modelElements().stream().filter(e -> TemplateFit.isOf(template, e)).toList();
        assertThat(elements).as("model elements of " + template.path("id")).isNotEmpty();
        List<String> misfits = elements.stream().flatMap(e -> TemplateFit.misfits(template, e).stream()).toList();
        assertThat(misfits).as(template.path("id").asText()).isEmpty();
        // every delegate the template offers is used by a model
        List<String> used = elements.stream().map(e -> e.getAttribute(CAMUNDA_NS, "delegateExpression")).toList();
        assertThat(used).containsAll(delegates(template));
    }

    @Test
    void everyOutsideCallHasATemplate() throws IOException {
        Set<String> offered = new TreeSet<>();
        templates().forEach(t -> delegates(t).forEach(d -> offered.add(DelegateBeans.beanOf(d))));
        assertThat(offered).containsAll(DelegateBeans.outsideCalls());
    }

    @Test
    void theMailChoicesAreTheMailTemplates() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        for (MailTemplate mail : MailTemplate.values()) {
            expected.put(mail.id(), mail.label() + "（" + mail.id() + "）");
        }
        assertThat(choices("jukiflow.mailTask", "template")).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void theCounterChoicesAreTheCounterProcedures() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        Arrays.stream(Procedure.values()).filter(p -> p != Procedure.TRANSFER_OUT_BY_MAIL)
                .forEach(p -> expected.put(p.name(), p.label()));
        assertThat(choices("jukiflow.counterCheck", "counterProcedure")).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void thePinRequestChoicesAreThePurposesAndPads() throws IOException {
        Map<String, String> purposes = new LinkedHashMap<>();
        for (PinPurpose purpose : PinPurpose.values()) {
            purposes.put(purpose.name(), purpose.label());
        }
        assertThat(choices("jukiflow.pinRequest", OpenPinRequest.PURPOSE)).containsExactlyInAnyOrderEntriesOf(purposes);
        assertThat(choices("jukiflow.pinRequest", OpenPinRequest.PAD).keySet())
                .containsExactlyInAnyOrder(Arrays.stream(OpenPinRequest.Pad.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void anElementTheTemplateWouldNotWriteIsFound() throws IOException {
        JsonNode mail = template("jukiflow.mailTask");
        JsonNode clerk = template("jukiflow.clerkTask");
        DomElement syncMail = element("""
                <bpmn:serviceTask id="Task_MailNow" camunda:delegateExpression="${sendMail}"><bpmn:extensionElements>
                  <camunda:inputOutput><camunda:inputParameter name="template">no-such-mail</camunda:inputParameter>
                  </camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>""");
        assertThat(TemplateFit.isOf(mail, syncMail)).isTrue();
        assertThat(TemplateFit.misfits(mail, syncMail)).hasSize(2)
                .anyMatch(p -> p.contains("camunda:asyncBefore: 'null' instead of true"))
                .anyMatch(p -> p.contains("template: 'no-such-mail' is not one of"));
        DomElement task = element("""
                <bpmn:userTask id="Task_Review" camunda:candidateGroups="clerks" camunda:formRefBinding="latest"
                    camunda:dueDate="tomorrow" />""");
        assertThat(TemplateFit.isOf(clerk, task)).isTrue();
        assertThat(TemplateFit.misfits(clerk, task)).hasSize(3)
                .anyMatch(p -> p.contains("camunda:candidateGroups: 'clerks' does not match"))
                .anyMatch(p -> p.contains("camunda:formRef: empty, but the template requires it"))
                .anyMatch(p -> p.contains("camunda:dueDate: 'tomorrow' does not match"));
        assertThat(TemplateFit.isOf(clerk, element("<bpmn:userTask id=\"Task_Html\" camunda:formKey=\"x.html\" />")))
                .as("a user task without the template's fixed formRefBinding is not of its kind").isFalse();
    }

    static List<String> delegates(JsonNode template) {
        List<String> delegates = new ArrayList<>();
        template.path("properties").forEach(p -> {
            if (TemplateFit.DELEGATE.equals(p.path("binding").path("name").asText())) {
                delegates.addAll(TemplateFit.allowed(p));
            }
        });
        return delegates;
    }

    static JsonNode template(String id) throws IOException {
        return templates().filter(t -> id.equals(t.path("id").asText())).findFirst().orElseThrow();
    }

    /** The value → name of the dropdown bound to the input parameter. */
    static Map<String, String> choices(String templateId, String inputParameter) throws IOException {
        Map<String, String> choices = new LinkedHashMap<>();
        for (JsonNode property : template(templateId).path("properties")) {
            if (inputParameter.equals(property.path("binding").path("name").asText())) {
                property.path("choices").forEach(c -> choices.put(c.path("value").asText(), c.path("name").asText()));
            }
        }
        return choices;
    }

    /** The one flow element of a probe process. */
    static DomElement element(String xml) {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_probe"
                    targetNamespace="https://jukiflow.example/bpmn">
                  <bpmn:process id="probe" isExecutable="true">%s</bpmn:process>
                </bpmn:definitions>
                """.formatted(xml);
        return Bpmn.readModelFromStream(new ByteArrayInputStream(model.getBytes(StandardCharsets.UTF_8)))
                .getDocument().getRootElement().getChildElements().get(0).getChildElements().get(0);
    }
}
