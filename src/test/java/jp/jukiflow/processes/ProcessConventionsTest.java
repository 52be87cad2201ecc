package jp.jukiflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model in processes/ keeps the house conventions ({@link ProcessConventions}): Japanese names, ids as
 * sentences, complete clerk tasks, outside calls in retried jobs, deployable processes. The nested class feeds each
 * check a model that breaks it, so no check can pass on anything.
 */
class ProcessConventionsTest {

    static Stream<Path> models() throws IOException {
        List<Path> models = ProcessConventions.models();
        assertThat(models).as("BPMN files in processes/").hasSizeGreaterThanOrEqualTo(8);
        return models.stream();
    }

    static BpmnModelInstance read(Path file) {
        return Bpmn.readModelFromFile(file.toFile());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void namesAreJapanese(Path file) {
        assertThat(ProcessConventions.namesInJapanese(read(file))).as(file.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void idsAreSentences(Path file) {
        BpmnModelInstance model = read(file);
        assertThat(ProcessConventions.idsAsSentences(model)).as(file.toString()).isEmpty();
        String process = file.getFileName().toString().replace(".bpmn", "");
        assertThat((Object) model.getModelElementById(process)).as("the process of %s has the file's name", file)
                .isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void userTasksHaveGroupsFormsAndInstructions(Path file) {
        assertThat(ProcessConventions.userTasksComplete(read(file))).as(file.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void outsideCallsRunInRetriedJobs(Path file) {
        assertThat(ProcessConventions.outsideCallsRetried(read(file), DelegateBeans.outsideCalls()))
                .as(file.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void processesAreDeployable(Path file) {
        assertThat(ProcessConventions.processesDeployable(read(file))).as(file.toString()).isEmpty();
    }

    @Test
    void theOutsideCallsAreFoundAndUsedByTheModels() throws IOException {
        // guards the check above against passing on nothing (no delegate found, a port renamed)
        assertThat(DelegateBeans.outsideCalls()).contains("sendMail", "sendMoveInNotice", "requestMoveOutCertificate");
        long calls = ProcessConventions.models().stream()
                .flatMap(f -> ProcessConventions.elements(read(f).getDocument().getRootElement()).stream())
                .map(e -> DelegateBeans.beanOf(e.getAttribute(BpmnModelConstants.CAMUNDA_NS, "delegateExpression")))
                .filter(bean -> bean != null && DelegateBeans.outsideCalls().contains(bean))
                .count();
        assertThat(calls).as("outside calls in the models").isGreaterThan(20);
    }

    @Test
    void theCycleFormIsChecked() {
        assertThat(ProcessConventions.isValidCycle("R3/PT1M")).isTrue();
        assertThat(ProcessConventions.isValidCycle("R1/P1DT2H")).isTrue();
        assertThat(ProcessConventions.isValidCycle(" R5/PT10S ")).isTrue();
        assertThat(ProcessConventions.isValidCycle("R0/PT1M")).isFalse();
        assertThat(ProcessConventions.isValidCycle("R3/PT0S")).isFalse();
        assertThat(ProcessConventions.isValidCycle("R3")).isFalse();
        assertThat(ProcessConventions.isValidCycle("PT1M")).isFalse();
        assertThat(ProcessConventions.isValidCycle("R3/1M")).isFalse();
        assertThat(ProcessConventions.isValidCycle("R3/PT1M,PT5M")).isFalse();
        assertThat(ProcessConventions.isValidCycle("")).isFalse();
    }

    /** Each check fed a small model that breaks it, and one that keeps it. */
    @Nested
    class ChecksFindBreaches {

        static final String RETRY = "<bpmn:extensionElements><camunda:failedJobRetryTimeCycle>R3/PT1M"
                + "</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>";

        @Test
        void englishNamesAreFound() {
            BpmnModelInstance model = snippet("", """
                    <bpmn:serviceTask id="Task_CheckCounter" name="Check counter" camunda:expression="${true}" />
                    <bpmn:serviceTask id="Task_IssueCopy" name="住民票の写しの作成（PDF）" camunda:expression="${true}" />
                    <bpmn:exclusiveGateway id="Gateway_Decided" name="審査結果 ok" />
                    <bpmn:exclusiveGateway id="Gateway_JoinReviewed" />""");
            assertThat(ProcessConventions.namesInJapanese(model)).containsExactlyInAnyOrder(
                    "Task_CheckCounter: name 'Check counter' is not Japanese",
                    "Task_CheckCounter: name 'Check counter' has the English word 'Check'",
                    "Gateway_Decided: name '審査結果 ok' has the English word 'ok'");
        }

        @Test
        void idsOutsideTheHouseStyleAreFound() {
            BpmnModelInstance model = snippet("", """
                    <bpmn:startEvent id="StartEvent_1" />
                    <bpmn:serviceTask id="Task_checkCounter" camunda:expression="${true}" />
                    <bpmn:businessRuleTask id="Task_DecideRoute" camunda:decisionRef="route" />
                    <bpmn:exclusiveGateway id="Gateway_JoinReviewed" />
                    <bpmn:endEvent id="End_Done" />
                    <bpmn:sequenceFlow id="Flow_0abc12" sourceRef="StartEvent_1" targetRef="Task_checkCounter" />""");
            assertThat(ProcessConventions.idsAsSentences(model)).containsExactlyInAnyOrder(
                    "StartEvent_1: id is not Event_ followed by CamelCase words",
                    "Task_checkCounter: id is not Task_ followed by CamelCase words",
                    "Task_DecideRoute: id is not Rule_ followed by CamelCase words",
                    "Flow_0abc12: id is not Flow_ followed by CamelCase words");
        }

        @Test
        void incompleteUserTasksAreFound() {
            BpmnModelInstance model = snippet("", """
                    <bpmn:userTask id="Task_Bare" name="確認" />
                    <bpmn:userTask id="Task_FixedDue" name="確認" camunda:candidateGroups="${execution.tenantId}-clerks"
                        camunda:formRef="pin-reset-answer" camunda:dueDate="2026-12-24">
                      <bpmn:documentation>確認してください。</bpmn:documentation>
                    </bpmn:userTask>
                    <bpmn:userTask id="Task_Complete" name="確認" camunda:candidateGroups="${municipalityCode}-clerks"
                        camunda:formKey="embedded:deployment:transfer-out-review.html" camunda:dueDate="${reviewDue}">
                      <bpmn:documentation>確認してください。</bpmn:documentation>
                    </bpmn:userTask>""");
            assertThat(ProcessConventions.userTasksComplete(model)).containsExactlyInAnyOrder(
                    "Task_Bare: no camunda:candidateGroups",
                    "Task_Bare: no form (camunda:formRef or camunda:formKey)",
                    "Task_Bare: no <bpmn:documentation> (the clerk's instruction, Tasklist's 説明 tab)",
                    "Task_FixedDue: camunda:dueDate '2026-12-24' is not an expression ${…}");
        }

        @Test
        void outsideCallsWithoutRetriedJobsAreFound() {
            BpmnModelInstance model = snippet("", """
                    <bpmn:serviceTask id="Task_MailAtOnce" camunda:delegateExpression="${sendMail}" />
                    <bpmn:serviceTask id="Task_MailNoCycle" camunda:asyncBefore="true"
                        camunda:delegateExpression="${sendMail}" />
                    <bpmn:serviceTask id="Task_MailAttribute" camunda:asyncBefore="true"
                        camunda:failedJobRetryTimeCycle="R3/PT1M" camunda:delegateExpression="${sendMail}" />
                    <bpmn:serviceTask id="Task_MailBadCycle" camunda:asyncBefore="true"
                        camunda:delegateExpression="${sendMail}"><bpmn:extensionElements>
                      <camunda:failedJobRetryTimeCycle>R3</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>
                    </bpmn:serviceTask>
                    <bpmn:intermediateThrowEvent id="Event_NoticeSent"><bpmn:messageEventDefinition
                        camunda:delegateExpression="${sendMail}" /></bpmn:intermediateThrowEvent>
                    <bpmn:serviceTask id="Task_MailRetried" camunda:asyncBefore="true"
                        camunda:delegateExpression="${sendMail}">%s</bpmn:serviceTask>
                    <bpmn:serviceTask id="Task_LocalWork" camunda:delegateExpression="${checkCounter}" />
                    <bpmn:intermediateCatchEvent id="Event_Arrived" camunda:asyncAfter="true">%s
                      <bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>""".formatted(RETRY, RETRY));
            assertThat(ProcessConventions.outsideCallsRetried(model, Set.of("sendMail"))).containsExactlyInAnyOrder(
                    "serviceTask Task_MailAtOnce: calls ${sendMail} outside but is not camunda:asyncBefore",
                    "serviceTask Task_MailNoCycle: async with 0 retry cycle elements",
                    "serviceTask Task_MailAttribute: camunda:failedJobRetryTimeCycle as an attribute (ignored by the "
                            + "engine); write it as the extension element",
                    "serviceTask Task_MailAttribute: async with 0 retry cycle elements",
                    "serviceTask Task_MailBadCycle: invalid retry cycle 'R3'",
                    "intermediateThrowEvent Event_NoticeSent: calls ${sendMail} outside but is not "
                            + "camunda:asyncBefore");
        }

        @Test
        void undeployableProcessesAreFound() {
            String startForm = "<bpmn:startEvent id=\"Event_Filed\" camunda:formRef=\"pin-reset-start\" />";
            String noForm = "<bpmn:startEvent id=\"Event_Received\" />";
            assertThat(ProcessConventions.processesDeployable(snippet(" camunda:historyTimeToLive=\"P1D\"", startForm)))
                    .isEmpty();
            assertThat(ProcessConventions.processesDeployable(snippet(" camunda:historyTimeToLive=\"P1D\""
                    + " camunda:isStartableInTasklist=\"false\"", noForm))).isEmpty();
            assertThat(ProcessConventions.processesDeployable(snippet("", noForm))).containsExactlyInAnyOrder(
                    "probe: no camunda:historyTimeToLive",
                    "probe: has no start form, so it needs camunda:isStartableInTasklist=\"false\"");
            assertThat(ProcessConventions.processesDeployable(snippet(" camunda:historyTimeToLive=\"P1D\""
                    + " camunda:isStartableInTasklist=\"false\"", startForm)))
                    .containsExactly("probe: has a start form but is not startable in Tasklist");
            BpmnModelInstance notExecutable = snippet(" camunda:historyTimeToLive=\"P1D\"", startForm);
            notExecutable.getModelElementsByType(Process.class)
                    .forEach(p -> p.setExecutable(false));
            assertThat(ProcessConventions.processesDeployable(notExecutable))
                    .containsExactly("probe: not isExecutable");
        }

        /** A model of the process {@code probe} with the given process attributes and content. */
        BpmnModelInstance snippet(String processAttributes, String content) {
            String xml = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                        xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_probe"
                        targetNamespace="https://jukiflow.example/bpmn">
                      <bpmn:process id="probe" isExecutable="true"%s>
                    %s
                      </bpmn:process>
                    </bpmn:definitions>
                    """.formatted(processAttributes, content);
            return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
