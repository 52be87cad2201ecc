package jp.jukiflow.security;

import static jp.jukiflow.support.Towns.HAKODATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jp.jukiflow.support.EngineRestCalls;
import jp.jukiflow.support.JukiflowTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP, as Tasklist and an API client call the engine: okushiri-clerk asking for a task or a process instance
 * of 函館市 gets exactly the answer of an id that does not exist — 404, the same Japanese message — never a 500
 * ENGINE-13034 or a text confirming that the id exists elsewhere.
 */
@JukiflowTest
class OtherMunicipalityNotFoundTest {

    static final String PROCESS = "other-municipality-probe";
    static final String UNKNOWN = "00000000-0000-0000-0000-000000000000";

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    ProcessInstance hakodate;
    String hakodateTask;

    @BeforeEach
    void aTaskOf函館市() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                    .startEvent().userTask("Task_Probe").name("確認").camundaCandidateGroups("012025-clerks")
                    .camundaFormRef("card-continuation-pin").camundaFormRefBinding("latest")
                    .endEvent().done();
            repositoryService.createDeployment().name(PROCESS).tenantId(HAKODATE)
                    .addModelInstance(PROCESS + ".bpmn", model).deploy();
        }
        hakodate = runtimeService.createProcessInstanceByKey(PROCESS).processDefinitionTenantId(HAKODATE)
                .setVariable("residentName", "函館 花子").execute();
        hakodateTask = taskService.createTaskQuery().processInstanceId(hakodate.getId()).singleResult().getId();
    }

    /** Method, path with {t} for the task and {p} for the process instance, body. */
    record Call(String method, String path, Object body) {
        String with(String task, String process) {
            return path.replace("{t}", task).replace("{p}", process);
        }
    }

    static final List<Call> CALLS = List.of(
            new Call("GET", "/task/{t}", null),
            new Call("GET", "/task/{t}/form-variables", null),
            new Call("GET", "/task/{t}/variables", null),
            new Call("GET", "/task/{t}/form", null),
            new Call("GET", "/task/{t}/deployed-form", null),
            new Call("GET", "/task/{t}/identity-links", null),
            new Call("GET", "/task/{t}/comment", null),
            new Call("POST", "/task/{t}/claim", Map.of("userId", "okushiri-clerk")),
            new Call("POST", "/task/{t}/complete", Map.of()),
            new Call("POST", "/task/{t}/submit-form", Map.of()),
            new Call("GET", "/process-instance/{p}", null),
            new Call("GET", "/process-instance/{p}/variables", null),
            new Call("GET", "/process-instance/{p}/activity-instances", null),
            new Call("GET", "/history/process-instance/{p}", null),
            new Call("DELETE", "/process-instance/{p}", null));

    @Test
    void anotherMunicipalitysTaskOrProcessReadsExactlyLikeAnUnknownId() {
        EngineRestCalls rest = new EngineRestCalls(port);
        EngineRestCalls.TasklistSession tasklist = rest.tasklist("okushiri-clerk");
        for (Call call : CALLS) {
            EngineRestCalls.Answer unknown = rest.basic("okushiri-clerk", call.method(), call.with(UNKNOWN, UNKNOWN),
                    call.body());
            EngineRestCalls.Answer elsewhere = rest.basic("okushiri-clerk", call.method(),
                    call.with(hakodateTask, hakodate.getId()), call.body());
            EngineRestCalls.Answer inTasklist = tasklist.engine(call.method(), call.with(hakodateTask, hakodate.getId()),
                    call.body());
            for (EngineRestCalls.Answer answer : List.of(unknown, elsewhere, inTasklist)) {
                assertThat(answer.status()).as("%s %s: %s", call.method(), call.path(), answer.body()).isEqualTo(404);
                assertThat(answer.json().get("message").asText()).as(call.path()).contains("見つかりません")
                        .doesNotContain(hakodateTask, hakodate.getId(), HAKODATE, "tenant", "ENGINE");
            }
            assertThat(elsewhere.body()).as(call.path()).isEqualTo(unknown.body());
            assertThat(inTasklist.body()).as(call.path()).isEqualTo(unknown.body());
        }
        assertThat(rest.basic("okushiri-clerk", "GET", "/task/" + hakodateTask, null).json().get("message").asText())
                .isEqualTo("指定されたタスクは見つかりません。");
        assertThat(rest.basic("okushiri-clerk", "GET", "/process-instance/" + hakodate.getId(), null).json()
                .get("message").asText()).isEqualTo("指定された手続（プロセスインスタンス）は見つかりません。");

        // nothing happened to the task, and its own municipality still works with it
        assertThat(taskService.createTaskQuery().taskId(hakodateTask).singleResult().getAssignee()).isNull();
        EngineRestCalls.Answer own = rest.basic("hakodate-clerk", "GET", "/task/" + hakodateTask + "/form-variables", null);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("residentName").get("value").asText()).isEqualTo("函館 花子");
        assertThat(rest.basic("hakodate-clerk", "POST", "/task/" + hakodateTask + "/complete", Map.of()).status())
                .isEqualTo(204);
    }
}
