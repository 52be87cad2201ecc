package jp.jukiflow.metrics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jp.jukiflow.support.TestClock;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * A procedure of its own for one test class (a unique process key, deployed like ours: without tenant, the tenant from
 * the variable municipalityCode), so its figures are known whatever the other tests of the shared context do:
 * start → 「試験の審査」 (the municipality's clerks, optional due date) → 受理 or 不受理.
 */
final class TestProcedure {

    static final String NAME = "ダッシュボード試験手続";

    /** A process of the same municipality with an async step whose job fails: an incident. */
    static BpmnModelInstance failing(String key) {
        return Bpmn.createExecutableProcess(key).name("インシデントの試験手続").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Task_Fails").camundaAsyncBefore().camundaExpression("${true}")
                .endEvent().done();
    }
    static final String TASK = "試験の審査";

    final String key = "dashboard-test-" + UUID.randomUUID().toString().substring(0, 8);
    final String name;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final TestClock clock;

    TestProcedure(RepositoryService repositoryService, RuntimeService runtimeService, TaskService taskService,
                  TestClock clock) {
        this(NAME, repositoryService, runtimeService, taskService, clock);
    }

    TestProcedure(String name, RepositoryService repositoryService, RuntimeService runtimeService,
                  TaskService taskService, TestClock clock) {
        // unique, so that tables keyed by the procedure's name hold only this procedure's rows
        this.name = name + "（" + key.substring(key.length() - 8) + "）";
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.clock = clock;
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).name(this.name).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Review").name(TASK).camundaCandidateGroups("${execution.tenantId}-clerks")
                .camundaDueDate("${due}")
                .exclusiveGateway()
                .condition("受理", "${accept}").endEvent("End_Accepted").name("受理")
                .moveToLastGateway()
                .condition("不受理", "${!accept}").endEvent("End_Rejected").name("不受理")
                .done();
        repositoryService.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy();
    }

    /** Starts a case at {@code at} (application clock and engine clock), with optional channel, due date, last day. */
    ProcessInstance start(String municipality, Instant at, String channel, Instant due, LocalDate lastDay) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("municipalityCode", municipality);
        variables.put("channel", channel);
        variables.put("due", due == null ? null : Date.from(due));
        if (lastDay != null) {
            variables.put("lastDayForTestCase", lastDay.toString());
        }
        return engineAt(at, () -> runtimeService.createProcessInstanceByKey(key).processDefinitionWithoutTenantId()
                .businessKey(key + "-" + UUID.randomUUID().toString().substring(0, 6)).setVariables(variables).execute());
    }

    void complete(ProcessInstance instance, Instant at, boolean accept) {
        engineAt(at, () -> {
            String task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
            taskService.complete(task, Map.of("accept", accept));
            return null;
        });
    }

    ProcessInstance startAndComplete(String municipality, Instant start, Instant end, String channel, boolean accept) {
        ProcessInstance instance = start(municipality, start, channel, null, null);
        complete(instance, end, accept);
        return instance;
    }

    private <T> T engineAt(Instant at, java.util.function.Supplier<T> work) {
        ClockUtil.setCurrentTime(Date.from(at));
        try {
            return clock.at(at, work);
        } finally {
            ClockUtil.reset();
        }
    }
}
