package jp.jukiflow.security;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Over real HTTP: the engine REST API needs HTTP Basic against the Camunda identity and applies tenant checks: a task of 函館市
 * offered to both municipalities' clerks is visible to the 函館市 clerk only.
 */
@JukiflowTest
class TenantIsolationTest {

    static final String PROCESS = "tenant-isolation-probe";

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identityService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;

    @BeforeEach
    void oneTaskInEachTenant() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() > 0) {
            return;
        }
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Probe").name("確認").camundaCandidateGroups("013676-clerks,012025-clerks")
                .endEvent().done();
        for (String tenant : new String[]{OKUSHIRI, HAKODATE}) {
            repositoryService.createDeployment().name(PROCESS).tenantId(tenant)
                    .addModelInstance(PROCESS + ".bpmn", model).deploy();
            runtimeService.createProcessInstanceByKey(PROCESS).processDefinitionTenantId(tenant)
                    .businessKey(tenant + "-probe").execute();
        }
    }

    @Test
    void engineRestWithoutCredentialsIsRefused() {
        ResponseEntity<String> response = http.getForEntity("/engine-rest/task", String.class);
        assertThat(response.getStatusCode()).as(response.getHeaders() + " " + response.getBody()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().get("WWW-Authenticate")).isNotEmpty();
    }

    @Test
    void engineRestWithWrongPasswordIsRefused() {
        String user = TestUsers.ensure(identityService, "rest-probe", "013676-clerks");
        assertThat(http.withBasicAuth(user, "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void okushiriClerkSeesOnlyOkushiriTasks() {
        JsonNode tasks = get("okushiri-clerk", "/engine-rest/task?processDefinitionKey=" + PROCESS);
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("tenantId").asText()).isEqualTo(OKUSHIRI);
    }

    @Test
    void hakodateClerkSeesOnlyHakodateTasks() {
        JsonNode tasks = get("hakodate-clerk", "/engine-rest/task?processDefinitionKey=" + PROCESS);
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("tenantId").asText()).isEqualTo(HAKODATE);
    }

    @Test
    void okushiriManagerReadsOnlyOkushiriProcessInstances() {
        JsonNode instances = get("okushiri-manager", "/engine-rest/process-instance?processDefinitionKey=" + PROCESS);
        assertThat(instances).hasSize(1);
        assertThat(instances.get(0).get("tenantId").asText()).isEqualTo(OKUSHIRI);
        assertThat(get("okushiri-manager", "/engine-rest/process-instance?tenantIdIn=012025")).isEmpty();
    }

    @Test
    void adminSeesBothTenants() {
        assertThat(get("admin", "/engine-rest/task?processDefinitionKey=" + PROCESS)).hasSize(2);
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
