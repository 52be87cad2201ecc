package jp.jukiflow.processes;

import static org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.BPMN20_NS;
import static org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.CAMUNDA_NS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * The house conventions of the models in processes/, as checks that return what breaks them (empty: the model keeps
 * them). The conventions used to live in the scripts that wrote the files; now the files are edited in Camunda Modeler
 * and {@link ProcessConventionsTest} runs these checks on every model.
 */
final class ProcessConventions {

    /** Hiragana, katakana, kanji, the CJK marks and the full-width forms (（）、？ …). */
    static final Pattern JAPANESE =
            Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]");
    /** An ASCII word with a small letter: English. Capitals alone (PDF) are an abbreviation a clerk reads as such. */
    static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]*[a-z][A-Za-z]*");
    /** The sentence after an id's prefix: CamelCase words, e.g. {@code CheckCounter}. */
    static final String SENTENCE = "(?:[A-Z][a-z0-9]*)+";
    /** R&lt;n&gt;/&lt;ISO 8601 duration&gt;, the form the engine's retry configuration takes. */
    static final Pattern CYCLE = Pattern.compile("R(\\d{1,9})/(P\\S+)");
    /** The id prefix of each kind of element, the most specific kind first. */
    static final Map<Class<? extends BaseElement>, String> PREFIXES = prefixes();

    private ProcessConventions() {
    }

    static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    /** Every named process, flow node and sequence flow is named in Japanese, without English words. */
    static List<String> namesInJapanese(BpmnModelInstance model) {
        List<String> problems = new ArrayList<>();
        for (BaseElement element : named(model)) {
            String name = element.getAttributeValue("name");
            if (name == null || name.isBlank()) {
                continue;
            }
            if (!JAPANESE.matcher(name).find()) {
                problems.add(element.getId() + ": name '" + name + "' is not Japanese");
            }
            Matcher english = ENGLISH_WORD.matcher(name);
            if (english.find()) {
                problems.add(element.getId() + ": name '" + name + "' has the English word '" + english.group() + "'");
            }
        }
        return problems;
    }

    /** Ids are sentences with the house prefix of their kind ({@code Task_CheckCounter}); process ids kebab-case. */
    static List<String> idsAsSentences(BpmnModelInstance model) {
        List<String> problems = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (!process.getId().matches("[a-z]+(-[a-z]+)*")) {
                problems.add(process.getId() + ": a process id is kebab-case (transfer-out-by-mail)");
            }
        }
        List<BaseElement> elements = new ArrayList<>(model.getModelElementsByType(FlowElement.class));
        elements.addAll(model.getModelElementsByType(Message.class));
        elements.addAll(model.getModelElementsByType(Error.class));
        for (BaseElement element : elements) {
            String prefix = prefixOf(element);
            if (prefix == null) {
                problems.add(element.getId() + ": no house id prefix for a " + element.getElementType().getTypeName());
            } else if (element.getId() == null || !element.getId().matches(prefix + "_" + SENTENCE)) {
                problems.add(element.getId() + ": id is not " + prefix + "_ followed by CamelCase words");
            }
        }
        return problems;
    }

    /** A user task names its candidate groups, its form and the clerk's instruction; a due date is an expression. */
    static List<String> userTasksComplete(BpmnModelInstance model) {
        List<String> problems = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
                problems.add(task.getId() + ": no camunda:candidateGroups");
            }
            if (blank(task.getCamundaFormRef()) && blank(task.getCamundaFormKey())) {
                problems.add(task.getId() + ": no form (camunda:formRef or camunda:formKey)");
            }
            if (task.getDocumentations().stream().allMatch(d -> blank(d.getTextContent()))) {
                problems.add(task.getId() + ": no <bpmn:documentation> (the clerk's instruction, Tasklist's 説明 tab)");
            }
            String due = task.getCamundaDueDate();
            if (due != null && !due.strip().matches("\\$\\{.+}")) {
                problems.add(task.getId() + ": camunda:dueDate '" + due + "' is not an expression ${…}");
            }
        }
        return problems;
    }

    /**
     * Every call of an outside delegate (Juki-net, mail) runs in a job of its own: async before, with one retry cycle
     * element. Every async element has one valid retry cycle element, and none carries the cycle as an attribute
     * (Camunda 7 ignores it there: a failing job would spend its tries within milliseconds).
     */
    static List<String> outsideCallsRetried(BpmnModelInstance model, Set<String> outsideCalls) {
        List<String> problems = new ArrayList<>();
        for (DomElement element : elements(model.getDocument().getRootElement())) {
            if (element.hasAttribute(CAMUNDA_NS, "failedJobRetryTimeCycle")) {
                problems.add(describe(element) + ": camunda:failedJobRetryTimeCycle as an attribute (ignored by "
                        + "the engine); write it as the extension element");
            }
            String bean = DelegateBeans.beanOf(element.getAttribute(CAMUNDA_NS, "delegateExpression"));
            boolean listener = element.getLocalName().endsWith("Listener");
            if (bean != null && !listener && outsideCalls.contains(bean)) {
                DomElement activity = element.getLocalName().endsWith("EventDefinition") ? element.getParentElement()
                        : element;
                if (!isTrue(activity, "asyncBefore")) {
                    problems.add(describe(activity) + ": calls ${" + bean + "} outside but is not camunda:asyncBefore");
                }
            }
            if (isTrue(element, "asyncBefore") || isTrue(element, "asyncAfter") || isTrue(element, "async")) {
                List<String> cycles = retryCycles(element);
                if (cycles.size() != 1) {
                    problems.add(describe(element) + ": async with " + cycles.size() + " retry cycle elements");
                } else if (!isValidCycle(cycles.get(0))) {
                    problems.add(describe(element) + ": invalid retry cycle '" + cycles.get(0) + "'");
                }
            }
        }
        return problems;
    }

    /**
     * Every process is executable with a history time to live, and a clerk can start it in Tasklist exactly when a
     * none start event has a form (a process started by the system says {@code camunda:isStartableInTasklist="false"}).
     */
    static List<String> processesDeployable(BpmnModelInstance model) {
        List<String> problems = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (!process.isExecutable()) {
                problems.add(process.getId() + ": not isExecutable");
            }
            if (blank(process.getCamundaHistoryTimeToLiveString())) {
                problems.add(process.getId() + ": no camunda:historyTimeToLive");
            }
            boolean startForm = process.getChildElementsByType(StartEvent.class).stream()
                    .anyMatch(start -> start.getEventDefinitions().isEmpty()
                            && !(blank(start.getCamundaFormRef()) && blank(start.getCamundaFormKey())));
            if (process.isCamundaStartableInTasklist() != startForm) {
                problems.add(process.getId() + (startForm ? ": has a start form but is not startable in Tasklist"
                        : ": has no start form, so it needs camunda:isStartableInTasklist=\"false\""));
            }
        }
        return problems;
    }

    /** R&lt;n&gt;/&lt;duration&gt; with n ≥ 1 and a positive ISO 8601 duration. */
    static boolean isValidCycle(String text) {
        Matcher m = CYCLE.matcher(text.strip());
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
            return false;
        }
        try {
            return DatatypeFactory.newInstance().newDuration(m.group(2)).getSign() > 0;
        } catch (IllegalArgumentException | DatatypeConfigurationException e) {
            return false;
        }
    }

    /** The texts of the element's camunda:failedJobRetryTimeCycle extension elements. */
    static List<String> retryCycles(DomElement element) {
        List<String> cycles = new ArrayList<>();
        for (DomElement extensions : element.getChildElementsByNameNs(BPMN20_NS, "extensionElements")) {
            for (DomElement cycle : extensions.getChildElementsByNameNs(CAMUNDA_NS, "failedJobRetryTimeCycle")) {
                cycles.add(cycle.getTextContent());
            }
        }
        return cycles;
    }

    /** The element and all below it, depth first. */
    static List<DomElement> elements(DomElement root) {
        List<DomElement> all = new ArrayList<>();
        all.add(root);
        for (DomElement child : root.getChildElements()) {
            all.addAll(elements(child));
        }
        return all;
    }

    static String prefixOf(BaseElement element) {
        return PREFIXES.entrySet().stream().filter(e -> e.getKey().isInstance(element)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static Map<Class<? extends BaseElement>, String> prefixes() {
        Map<Class<? extends BaseElement>, String> prefixes = new LinkedHashMap<>();
        prefixes.put(BusinessRuleTask.class, "Rule");
        prefixes.put(Task.class, "Task");
        prefixes.put(CallActivity.class, "Task");
        prefixes.put(EndEvent.class, "End");
        prefixes.put(StartEvent.class, "Event");
        prefixes.put(IntermediateCatchEvent.class, "Event");
        prefixes.put(IntermediateThrowEvent.class, "Event");
        prefixes.put(BoundaryEvent.class, "Event");
        prefixes.put(Gateway.class, "Gateway");
        prefixes.put(SequenceFlow.class, "Flow");
        prefixes.put(Message.class, "Message");
        prefixes.put(Error.class, "Error");
        return Collections.unmodifiableMap(prefixes);
    }

    private static Collection<BaseElement> named(BpmnModelInstance model) {
        List<BaseElement> named = new ArrayList<>(model.getModelElementsByType(Process.class));
        named.addAll(model.getModelElementsByType(FlowElement.class));
        return named;
    }

    private static boolean isTrue(DomElement element, String attribute) {
        return "true".equals(element.getAttribute(CAMUNDA_NS, attribute));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static String describe(DomElement element) {
        String id = element.getAttribute("id");
        return element.getLocalName() + (id != null ? " " + id : "");
    }
}
