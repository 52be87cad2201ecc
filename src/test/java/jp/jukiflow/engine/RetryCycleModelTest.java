package jp.jukiflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.BPMN20_NS;
import static org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.CAMUNDA_NS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The retry cycle of every async job in processes/*.bpmn is one Camunda 7 reads. The engine takes it only from the
 * extension element {@code <camunda:failedJobRetryTimeCycle>} of the async element; written as an attribute
 * ({@code camunda:failedJobRetryTimeCycle="R3/PT1M"}) it is ignored, and a failing job (SMTP, Juki-net) spends its three
 * tries within milliseconds and becomes an incident at once. The models are checked as files; an in-memory engine
 * shows that it honours the extension element and ignores the attribute.
 */
class RetryCycleModelTest {

    /** R&lt;n&gt;/&lt;ISO 8601 duration&gt;, the form the engine's retry configuration takes. */
    static final Pattern CYCLE = Pattern.compile("R(\\d{1,9})/(P\\S+)");
    static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    static final String PROCESS = "retry-cycle-probe";

    /** Fails every time it runs: the job around it must be retried by its cycle. */
    public static class AlwaysFails implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            throw new IllegalStateException("simulated outside failure");
        }
    }

    /** One in-memory engine for the engine tests, built by the first of them (the model tests need none). */
    static ProcessEngine engine;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    static void closeEngine() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    static Stream<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            List<Path> models = files.filter(p -> p.getFileName().toString().endsWith(".bpmn")).sorted().toList();
            assertThat(models).as("BPMN files in processes/").isNotEmpty();
            return models.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void noElementCarriesTheRetryCycleAsAnAttribute(Path file) {
        List<String> offenders = new ArrayList<>();
        for (DomElement element : elements(Bpmn.readModelFromFile(file.toFile()))) {
            if (element.hasAttribute(CAMUNDA_NS, "failedJobRetryTimeCycle")) {
                offenders.add(describe(element));
            }
        }
        assertThat(offenders).as("elements of %s with the attribute camunda:failedJobRetryTimeCycle (ignored by "
                + "the engine)", file).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyAsyncElementHasAValidRetryCycleElement(Path file) {
        List<String> problems = new ArrayList<>();
        for (DomElement element : elements(Bpmn.readModelFromFile(file.toFile()))) {
            if (!isAsync(element)) {
                continue;
            }
            List<String> cycles = retryCycles(element);
            if (cycles.size() != 1) {
                problems.add(describe(element) + ": " + cycles.size() + " camunda:failedJobRetryTimeCycle elements");
            } else if (!isValidCycle(cycles.get(0))) {
                problems.add(describe(element) + ": invalid retry cycle '" + cycles.get(0) + "'");
            }
        }
        assertThat(problems).as("async elements of %s", file).isEmpty();
    }

    @Test
    void theModelsHaveAsyncElementsToCheck() throws IOException {
        // guards the two tests above against passing on nothing (a wrong folder, an attribute renamed)
        long async = models().flatMap(file -> elements(Bpmn.readModelFromFile(file.toFile())).stream())
                .filter(RetryCycleModelTest::isAsync).count();
        assertThat(async).isGreaterThan(0);
    }

    @Test
    void theCycleFormIsChecked() {
        assertThat(isValidCycle("R3/PT1M")).isTrue();
        assertThat(isValidCycle("R1/P1DT2H")).isTrue();
        assertThat(isValidCycle(" R5/PT10S ")).isTrue();
        assertThat(isValidCycle("R0/PT1M")).isFalse();
        assertThat(isValidCycle("R3/PT0S")).isFalse();
        assertThat(isValidCycle("R3")).isFalse();
        assertThat(isValidCycle("PT1M")).isFalse();
        assertThat(isValidCycle("R3/1M")).isFalse();
        assertThat(isValidCycle("R3/PT1M,PT5M")).isFalse();
        assertThat(isValidCycle("")).isFalse();
    }

    @Test
    void theEngineSpacesTheTriesOfAnAsyncTaskByItsRetryCycleElement() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent("Event_Start")
                .serviceTask("Task_CallOutside").camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R3/PT1M")
                .camundaClass(AlwaysFails.class.getName())
                .endEvent("Event_End")
                .done();
        ServiceTask task = model.getModelElementById("Task_CallOutside");
        assertThat(retryCycles(task.getDomElement())).containsExactly("R3/PT1M");
        assertThat(task.getDomElement().hasAttribute(CAMUNDA_NS, "failedJobRetryTimeCycle")).isFalse();

        Job failed = failOnce(start(model));

        assertThat(failed.getRetries()).isEqualTo(2);
        assertThat(failed.getExceptionMessage()).contains("simulated outside failure");
        assertThat(failed.getDuedate()).isCloseTo(Date.from(NOW.plusSeconds(60)), 1000);
        assertThat(engine.getManagementService().createJobQuery().jobId(failed.getId()).executable().count())
                .as("executable before the minute is over").isZero();
    }

    @Test
    void theEngineIgnoresTheRetryCycleWrittenAsAnAttribute() {
        // the form the BPMN files had: the job is due again at once, so three failures come within milliseconds
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent("Event_Start")
                .serviceTask("Task_CallOutside").camundaAsyncBefore()
                .camundaClass(AlwaysFails.class.getName())
                .endEvent("Event_End")
                .done();
        ServiceTask task = model.getModelElementById("Task_CallOutside");
        task.setAttributeValueNs(CAMUNDA_NS, "failedJobRetryTimeCycle", "R3/PT1M");

        Job failed = failOnce(start(model));

        assertThat(failed.getRetries()).isEqualTo(2);
        assertThat(failed.getDuedate()).satisfiesAnyOf(
                due -> assertThat(due).isNull(),
                due -> assertThat(due).isBeforeOrEqualTo(Date.from(NOW)));
        assertThat(engine.getManagementService().createJobQuery().jobId(failed.getId()).executable().count())
                .as("executable again at once").isEqualTo(1);
    }

    @Test
    void theEngineSpacesTheTriesAfterAnAsyncAfterMessageEventByItsRetryCycleElement() {
        // as 「広域交付回答の受信」 and 「転出証明書情報の到着」: the work after the message runs in a job of its own
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent("Event_Start")
                .intermediateCatchEvent("Event_AnswerReceived").message("RetryCycleProbeAnswered")
                .camundaAsyncAfter().camundaFailedJobRetryTimeCycle("R3/PT1M")
                .serviceTask("Task_AfterAnswer").camundaClass(AlwaysFails.class.getName())
                .endEvent("Event_End")
                .done();
        ProcessInstance pi = start(model);
        engine.getRuntimeService().createMessageCorrelation("RetryCycleProbeAnswered")
                .processInstanceId(pi.getId()).correlate();

        Job failed = failOnce(pi);

        assertThat(failed.getRetries()).isEqualTo(2);
        assertThat(failed.getDuedate()).isCloseTo(Date.from(NOW.plusSeconds(60)), 1000);
    }

    /**
     * Deploys the model as a new version of the probe and starts it, the engine's clock pinned to {@link #NOW}. The
     * engine is a standalone in-memory one of this class (its own H2 database and engine name, job executor off), closed
     * after the class, so the application's engine of other tests is not touched.
     */
    ProcessInstance start(BpmnModelInstance model) {
        if (engine == null) {
            String name = "retry-" + UUID.randomUUID();
            engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                    .setProcessEngineName(name)
                    .setJdbcUrl("jdbc:h2:mem:" + name)
                    .setJobExecutorActivate(false)
                    .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
                    .buildProcessEngine();
        }
        ClockUtil.setCurrentTime(Date.from(NOW));
        engine.getRepositoryService().createDeployment().addModelInstance(PROCESS + ".bpmn", model).deploy();
        return engine.getRuntimeService().startProcessInstanceByKey(PROCESS);
    }

    /** Executes the instance's one job, which fails, and returns it as the engine left it. */
    Job failOnce(ProcessInstance pi) {
        ManagementService management = engine.getManagementService();
        Job job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(job).as("the async job").isNotNull();
        assertThat(job.getRetries()).isEqualTo(3);
        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("simulated outside failure");
        return management.createJobQuery().jobId(job.getId()).singleResult();
    }

    static boolean isAsync(DomElement element) {
        return isTrue(element, "asyncBefore") || isTrue(element, "asyncAfter") || isTrue(element, "async");
    }

    static boolean isTrue(DomElement element, String attribute) {
        return "true".equals(element.getAttribute(CAMUNDA_NS, attribute));
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

    /** R&lt;n&gt;/&lt;duration&gt; with n ≥ 1 and a positive ISO 8601 duration. */
    static boolean isValidCycle(String text) {
        Matcher m = CYCLE.matcher(text.strip());
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
            return false;
        }
        try {
            Duration duration = DatatypeFactory.newInstance().newDuration(m.group(2));
            return duration.getSign() > 0;
        } catch (IllegalArgumentException | DatatypeConfigurationException e) {
            return false;
        }
    }

    /** Every element of the model's document, depth first. */
    static List<DomElement> elements(BpmnModelInstance model) {
        List<DomElement> all = new ArrayList<>();
        collect(model.getDocument().getRootElement(), all);
        return all;
    }

    static void collect(DomElement element, List<DomElement> all) {
        all.add(element);
        for (DomElement child : element.getChildElements()) {
            collect(child, all);
        }
    }

    static String describe(DomElement element) {
        String id = element.getAttribute("id");
        return element.getLocalName() + (id != null ? " " + id : "");
    }
}
