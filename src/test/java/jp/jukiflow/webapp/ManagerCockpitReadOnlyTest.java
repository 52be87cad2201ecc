package jp.jukiflow.webapp;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jukiflow.support.ProcessTestFixture;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A 課長 opens Cockpit for their municipality and can look at everything but change nothing. Over real HTTP, with the
 * calls Cockpit makes: the engine REST API with the manager's credentials, and Cockpit's own session API after its
 * login. Each probe case has a user task, a waiting timer job and a variable, in 奥尻町 (013676) and in 函館市 (012025).
 */
class ManagerCockpitReadOnlyTest extends ProcessTestFixture {

    static final String PROCESS = "cockpit-read-only-probe";
    static final String MANAGER = "okushiri-manager";
    static final String OWN = OKUSHIRI;
    static final String OTHER = HAKODATE;
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    AuthorizationService authorizationService;
    @LocalServerPort
    int port;

    ProcessInstance own;
    ProcessInstance other;

    @BeforeEach
    void oneCaseInEachMunicipality() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).name("コックピット確認用").camundaHistoryTimeToLive(1)
                    .startEvent()
                    .parallelGateway("Gateway_Fork")
                    .userTask("Task_Probe").name("確認").camundaCandidateGroups("013676-clerks,012025-clerks")
                    .parallelGateway("Gateway_Join")
                    .endEvent()
                    .moveToNode("Gateway_Fork")
                    .intermediateCatchEvent("Event_Wait").timerWithDuration("PT1H")
                    .connectTo("Gateway_Join")
                    .done();
            for (String tenant : List.of(OWN, OTHER)) {
                repositoryService.createDeployment().name(PROCESS).tenantId(tenant)
                        .addModelInstance(PROCESS + ".bpmn", model).deploy();
            }
        }
        own = start(OWN, "okushiri-clerk");
        other = start(OTHER, "hakodate-clerk");
    }

    /** Started by a clerk of the municipality, as in Tasklist (and so the engine looks only at that tenant's definition). */
    private ProcessInstance start(String tenant, String clerk) {
        identityService.setAuthentication(clerk, List.of(tenant + "-clerks"), List.of(tenant));
        try {
            return runtimeService.createProcessInstanceByKey(PROCESS).processDefinitionTenantId(tenant)
                    .businessKey(tenant + "-cockpit-probe").setVariable("note", "元の値").execute();
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void managerReadsOwnMunicipalitysInstancesTasksJobsVariablesAndHistory() {
        assertThat(ids(get("/engine-rest/process-instance?processDefinitionKey=" + PROCESS)))
                .contains(own.getId()).doesNotContain(other.getId());
        assertThat(get("/engine-rest/process-instance/" + own.getId()).get("tenantId").asText()).isEqualTo(OWN);
        JsonNode tasks = get("/engine-rest/task?processInstanceId=" + own.getId());
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("name").asText()).isEqualTo("確認");
        assertThat(get("/engine-rest/job?processInstanceId=" + own.getId())).hasSize(1);
        assertThat(get("/engine-rest/process-instance/" + own.getId() + "/variables").get("note").get("value").asText())
                .isEqualTo("元の値");
        assertThat(get("/engine-rest/process-instance/" + own.getId() + "/activity-instances").get("childActivityInstances"))
                .hasSize(2);
        assertThat(ids(get("/engine-rest/history/process-instance?processDefinitionKey=" + PROCESS)))
                .contains(own.getId()).doesNotContain(other.getId());
        assertThat(get("/engine-rest/history/activity-instance?processInstanceId=" + own.getId())).isNotEmpty();
        // the probe's own variable (besides the task list's case labels every process gets)
        assertThat(get("/engine-rest/history/variable-instance?processInstanceId=" + own.getId() + "&variableName=note"))
                .hasSize(1);
        assertThat(get("/engine-rest/history/task?processInstanceId=" + own.getId())).hasSize(1);
        assertThat(get("/engine-rest/process-definition/key/" + PROCESS + "/tenant-id/" + OWN + "/xml")
                .get("bpmn20Xml").asText()).contains("Task_Probe");
        assertThat(status(HttpMethod.GET, "/engine-rest/incident?processInstanceId=" + own.getId(), null))
                .isEqualTo(HttpStatus.OK);
        assertThat(status(HttpMethod.GET, "/engine-rest/job-definition?processDefinitionKey=" + PROCESS, null))
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void managerSeesNothingOfTheOtherMunicipality() {
        assertThat(get("/engine-rest/process-instance?tenantIdIn=" + OTHER)).isEmpty();
        assertThat(get("/engine-rest/task?processInstanceId=" + other.getId())).isEmpty();
        assertThat(get("/engine-rest/job?processInstanceId=" + other.getId())).isEmpty();
        assertThat(get("/engine-rest/history/process-instance?processInstanceId=" + other.getId())).isEmpty();
        assertThat(get("/engine-rest/history/variable-instance?processInstanceId=" + other.getId())).isEmpty();
        assertThat(get("/engine-rest/history/task?processInstanceId=" + other.getId())).isEmpty();
        assertThat(get("/engine-rest/process-definition?key=" + PROCESS)).allSatisfy(d ->
                assertThat(d.get("tenantId").asText()).isEqualTo(OWN));
        assertThat(status(HttpMethod.GET, "/engine-rest/process-instance/" + other.getId(), null))
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(HttpMethod.GET, "/engine-rest/process-instance/" + other.getId() + "/variables", null))
                .isNotEqualTo(HttpStatus.OK);
        // the other municipality's case is still there: it is hidden, not missing
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(other.getId()).count()).isEqualTo(1);
    }

    @Test
    void managerCannotChangeAnything() {
        String instance = own.getId();
        Job timer = management.createJobQuery().processInstanceId(instance).singleResult();
        String task = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
        String definition = own.getProcessDefinitionId();
        long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionId(definition).count();

        assertRefused(HttpMethod.DELETE, "/engine-rest/process-instance/" + instance, null);
        assertRefused(HttpMethod.PUT, "/engine-rest/process-instance/" + instance + "/suspended", Map.of("suspended", true));
        assertRefused(HttpMethod.PUT, "/engine-rest/process-definition/" + definition + "/suspended",
                Map.of("suspended", true, "includeProcessInstances", true));
        assertRefused(HttpMethod.PUT, "/engine-rest/job/" + timer.getId() + "/retries", Map.of("retries", 5));
        assertRefused(HttpMethod.POST, "/engine-rest/job/" + timer.getId() + "/execute", null);
        assertRefused(HttpMethod.PUT, "/engine-rest/job/" + timer.getId() + "/duedate", Map.of("duedate", "2026-11-26T10:00:00.000+0900"));
        assertRefused(HttpMethod.POST, "/engine-rest/process-instance/" + instance + "/variables",
                Map.of("modifications", Map.of("note", Map.of("value", "変更", "type", "String"))));
        assertRefused(HttpMethod.PUT, "/engine-rest/process-instance/" + instance + "/variables/note",
                Map.of("value", "変更", "type", "String"));
        assertRefused(HttpMethod.DELETE, "/engine-rest/process-instance/" + instance + "/variables/note", null);
        assertRefused(HttpMethod.POST, "/engine-rest/process-instance/" + instance + "/modification",
                Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", "Task_Probe"))));
        assertRefused(HttpMethod.POST, "/engine-rest/process-instance/delete",
                Map.of("processInstanceIds", List.of(instance), "deleteReason", "試験"));
        assertRefused(HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", MANAGER));
        assertRefused(HttpMethod.POST, "/engine-rest/task/" + task + "/complete", Map.of());
        assertRefused(HttpMethod.POST, "/engine-rest/process-definition/key/" + PROCESS + "/tenant-id/" + OWN + "/start",
                Map.of());

        ProcessInstance after = runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult();
        assertThat(after).isNotNull();
        assertThat(after.isSuspended()).isFalse();
        assertThat(repositoryService.getProcessDefinition(definition).isSuspended()).isFalse();
        assertThat(runtimeService.getVariable(instance, "note")).isEqualTo("元の値");
        Job timerAfter = management.createJobQuery().jobId(timer.getId()).singleResult();
        assertThat(timerAfter.getRetries()).isEqualTo(timer.getRetries());
        assertThat(timerAfter.getDuedate()).isEqualTo(timer.getDuedate());
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(definition).count()).isEqualTo(instancesBefore);
    }

    @Test
    void refusedJobExecutionsLeaveTheRetriesAlone() {
        Job ownTimer = management.createJobQuery().processInstanceId(own.getId()).singleResult();
        Job otherTimer = management.createJobQuery().processInstanceId(other.getId()).singleResult();
        for (int attempt = 0; attempt < ownTimer.getRetries() + 1; attempt++) {
            assertRefused(HttpMethod.POST, "/engine-rest/job/" + ownTimer.getId() + "/execute", null);
            assertThat(status(HttpMethod.POST, "/engine-rest/job/" + otherTimer.getId() + "/execute", null).is2xxSuccessful())
                    .isFalse();
        }
        for (Job before : List.of(ownTimer, otherTimer)) {
            Job after = management.createJobQuery().jobId(before.getId()).singleResult();
            assertThat(after.getRetries()).isEqualTo(before.getRetries());
            assertThat(after.getExceptionMessage()).isNull();
            assertThat(runtimeService.createIncidentQuery().processInstanceId(before.getProcessInstanceId()).count()).isZero();
        }
    }

    @Test
    void managersMayOpenCockpitAndTasklistButNotAdmin() {
        List<String> groups = identityService.createGroupQuery().groupMember(MANAGER).list().stream().map(Group::getId).toList();
        assertThat(groups).containsExactly("013676-managers");
        assertThat(authorizationService.isUserAuthorized(MANAGER, groups, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
        assertThat(authorizationService.isUserAuthorized(MANAGER, groups, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(authorizationService.isUserAuthorized(MANAGER, groups, Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();

        assertThat(new WebappSession().login("cockpit", MANAGER)).isEqualTo(200);
        assertThat(new WebappSession().login("admin", MANAGER)).isEqualTo(403);
        assertThat(new WebappSession().login("cockpit", "okushiri-clerk")).isEqualTo(403);
    }

    @Test
    void cockpitsOwnApiShowsOnlyTheManagersMunicipalityAndRefusesChanges() {
        WebappSession cockpit = new WebappSession();
        assertThat(cockpit.login("cockpit", MANAGER)).isEqualTo(200);

        JsonNode instances = cockpit.json("GET", "/camunda/api/engine/engine/default/process-instance?processDefinitionKey=" + PROCESS, null);
        assertThat(ids(instances)).contains(own.getId()).doesNotContain(other.getId());

        // the dashboard's and the process list's statistics: one row per definition the manager may see
        JsonNode statistics = cockpit.json("GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics?key=" + PROCESS, null);
        assertThat(statistics).isNotEmpty().allSatisfy(row -> assertThat(row.toString()).doesNotContain(OTHER));
        // the instance list of the definition page (Cockpit's own query with its tenant check)
        JsonNode listed = cockpit.json("POST", "/camunda/api/cockpit/plugin/base/default/process-instance",
                Map.of("processDefinitionId", other.getProcessDefinitionId()));
        assertThat(listed).isEmpty();
        JsonNode ownListed = cockpit.json("POST", "/camunda/api/cockpit/plugin/base/default/process-instance",
                Map.of("processDefinitionId", own.getProcessDefinitionId()));
        assertThat(ids(ownListed)).contains(own.getId());

        assertThat(cockpit.send("DELETE", "/camunda/api/engine/engine/default/process-instance/" + own.getId(), null).statusCode())
                .isEqualTo(403);
        assertThat(cockpit.send("PUT", "/camunda/api/engine/engine/default/process-instance/" + own.getId() + "/suspended",
                Map.of("suspended", true)).statusCode()).isEqualTo(403);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(own.getId()).active().count()).isEqualTo(1);
    }

    private void assertRefused(HttpMethod method, String path, Object body) {
        ResponseEntity<String> response = exchange(method, path, body);
        assertThat(response.getStatusCode()).as("%s %s -> %s", method, path, response.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private HttpStatus status(HttpMethod method, String path, Object body) {
        return HttpStatus.valueOf(exchange(method, path, body).getStatusCode().value());
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return http.withBasicAuth(MANAGER, MANAGER).exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode get(String path) {
        ResponseEntity<String> response = exchange(HttpMethod.GET, path, null);
        assertThat(response.getStatusCode()).as("GET %s -> %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> ids(JsonNode list) {
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(n -> n.get("id").asText()).toList();
    }

    /** A browser's session in the Camunda webapps: their own login, session cookie and CSRF token. */
    private final class WebappSession {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        int login(String app, String user) {
            send("GET", "/camunda/app/" + app + "/default/", null);
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(user, StandardCharsets.UTF_8);
            return request("POST", "/camunda/api/admin/auth/user/default/login/" + app,
                    HttpRequest.BodyPublishers.ofString(form), "application/x-www-form-urlencoded").statusCode();
        }

        JsonNode json(String method, String path, Object body) {
            HttpResponse<String> response = send(method, path, body);
            assertThat(response.statusCode()).as("%s %s -> %s", method, path, response.body()).isEqualTo(200);
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        HttpResponse<String> send(String method, String path, Object body) {
            try {
                return request(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)), "application/json");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        private HttpResponse<String> request(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, body).header("Accept", "application/json").header("Content-Type", contentType);
            cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
                    .ifPresent(c -> request.header("X-XSRF-TOKEN", c.getValue()));
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new AssertionError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
