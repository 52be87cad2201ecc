package jp.jukiflow.security;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.jukiflow.support.JukiflowTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The engine REST API needs HTTP Basic against the Camunda identity and applies tenant checks: a task of 函館市
 * offered to both municipalities' clerks is visible to the 函館市 clerk only.
 */
@JukiflowTest
class TenantIsolationTest {

    static final String PROCESS = "tenant-isolation-probe";

    @Autowired
    MockMvc mvc;
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
        for (String tenant : new String[]{"013676", "012025"}) {
            repositoryService.createDeployment().name(PROCESS).tenantId(tenant)
                    .addModelInstance(PROCESS + ".bpmn", model).deploy();
            runtimeService.createProcessInstanceByKey(PROCESS).processDefinitionTenantId(tenant)
                    .businessKey(tenant + "-probe").execute();
        }
    }

    @Test
    void engineRestWithoutCredentialsIsRefused() throws Exception {
        mvc.perform(get("/engine-rest/task"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"));
    }

    @Test
    void engineRestWithWrongPasswordIsRefused() throws Exception {
        mvc.perform(get("/engine-rest/task").with(httpBasic("okushiri-clerk", "wrong")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void okushiriClerkSeesOnlyOkushiriTasks() throws Exception {
        mvc.perform(get("/engine-rest/task?processDefinitionKey=" + PROCESS).with(httpBasic("okushiri-clerk", "okushiri-clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].tenantId", is("013676")));
    }

    @Test
    void hakodateClerkSeesOnlyHakodateTasks() throws Exception {
        mvc.perform(get("/engine-rest/task?processDefinitionKey=" + PROCESS).with(httpBasic("hakodate-clerk", "hakodate-clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].tenantId", is("012025")));
    }

    @Test
    void okushiriClerkCannotReadHakodateProcessInstances() throws Exception {
        mvc.perform(get("/engine-rest/process-instance?tenantIdIn=012025").with(httpBasic("okushiri-clerk", "okushiri-clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void adminSeesBothTenants() throws Exception {
        mvc.perform(get("/engine-rest/task?processDefinitionKey=" + PROCESS).with(httpBasic("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)));
    }
}
