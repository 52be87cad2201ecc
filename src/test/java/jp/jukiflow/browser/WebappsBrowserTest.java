package jp.jukiflow.browser;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jukiflow.support.Browser;
import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit and Admin in a real browser. A 課長 opens Cockpit in a real browser: Cockpit's own login and its dashboard are in Japanese, without the vendor's
 * English banner; the manager sees their municipality's case (variables included) and not the other's, and every call
 * Cockpit makes for these pages is allowed (the managers' read permissions cover what Cockpit needs to show). An
 * administrator's Admin is Japanese too.
 */
@JukiflowTest
class WebappsBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String PROCESS = "cockpit-browser-probe";

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start(options -> {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        });
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** A waiting case in each municipality, started by one of its clerks as in Tasklist. */
    private ProcessInstance probe(String tenant, String clerk, String note) {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).tenantIdIn(tenant).count() == 0) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).name("コックピット表示確認").camundaHistoryTimeToLive(1)
                    .startEvent().userTask("Task_Probe").name("確認").camundaCandidateGroups(tenant + "-clerks").endEvent().done();
            repositoryService.createDeployment().name(PROCESS).tenantId(tenant).addModelInstance(PROCESS + ".bpmn", model).deploy();
        }
        identityService.setAuthentication(clerk, List.of(tenant + "-clerks"), List.of(tenant));
        try {
            return runtimeService.createProcessInstanceByKey(PROCESS).processDefinitionTenantId(tenant)
                    .businessKey(tenant + "-browser-probe").setVariable("note", note).execute();
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void managerSeesAJapaneseCockpit() throws Exception {
        JsonNode ja = japanese();
        ProcessInstance own = probe(OKUSHIRI, "okushiri-clerk", "奥尻町の確認メモ");
        ProcessInstance other = probe(HAKODATE, "hakodate-clerk", "函館市の確認メモ");
        browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name='username'], input#inputUsername, input[type='text']")));
        assertThat(browser.getPageSource()).contains("ログイン");
        Browser.screenshot(browser, "cockpit-login");
        Browser.camundaLogin(browser, "okushiri-manager", "okushiri-manager");

        String runningInstances = ja.at("/labels/DASHBOARD_RUNNING_PROCESS_INSTANCE").asText();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), runningInstances));
        Thread.sleep(1500); // let the dashboard's counters arrive
        String body = browser.findElement(By.tagName("body")).getText();
        assertThat(body).contains(ja.at("/labels/COCKPIT_PROCESSES").asText(), ja.at("/labels/COCKPIT_DECISIONS").asText(),
                ja.at("/labels/DASHBOARD_OPEN_INCIDENTS").asText(), "コックピット");
        assertThat(body).doesNotContain("Running Process Instances", "Open Incidents", "Processes", "Decisions",
                "migrate to Camunda 8");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
        Browser.screenshot(browser, "cockpit-dashboard");

        browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/processes");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                ja.at("/labels/DASHBOARD_PROCESS_DEFINITIONS").asText()));
        Thread.sleep(1500);
        Browser.screenshot(browser, "cockpit-processes");
        String processes = browser.findElement(By.tagName("body")).getText();
        assertThat(processes).doesNotContain("Process Definitions").contains(PROCESS, "コックピット表示確認");

        // the manager's own case: diagram, variables and history load, read-only
        browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/" + own.getId() + "/runtime");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "奥尻町の確認メモ"));
        Thread.sleep(1500);
        Browser.screenshot(browser, "cockpit-process-instance");
        String instance = browser.findElement(By.tagName("body")).getText();
        assertThat(instance).contains("013676-browser-probe");
        // the vendor wrote this one column header in English into the widget: user-styles.css shows 操作 instead
        WebElement actions = browser.findElement(By.cssSelector("[cam-widget-variables-table] thead td.actions"));
        assertThat(actions.getCssValue("font-size")).isEqualTo("0px");
        assertThat(browser.executeScript("return getComputedStyle(arguments[0], '::after').content;", actions))
                .isEqualTo("\"操作\"");

        // the other municipality's case is not shown, even by its address
        browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/" + other.getId() + "/runtime");
        Thread.sleep(3000);
        Browser.screenshot(browser, "cockpit-other-municipality");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("函館市の確認メモ", "012025-browser-probe");

        assertThat(refusedApiCalls()).as("Cockpit calls the manager may not make").isEmpty();
    }

    @Test
    void administratorSeesAJapaneseAdmin() throws Exception {
        JsonNode ja = japanese("admin");
        browser.get("http://localhost:" + port + "/camunda/app/admin/default/");
        Browser.camundaLogin(browser, "admin", "admin");

        String authorizations = ja.at("/labels/AUTHORIZATION_AUTHORIZATIONS").asText();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), authorizations));
        Thread.sleep(1000);
        String body = browser.findElement(By.tagName("body")).getText();
        assertThat(body).contains("管理", ja.at("/labels/USERS_USERS").asText(), ja.at("/labels/GROUPS_GROUPS").asText(),
                ja.at("/labels/TENANTS_TENANTS").asText());
        assertThat(body).doesNotContain("Users", "Groups", "Tenants", "Authorizations", "migrate to Camunda 8");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
        Browser.screenshot(browser, "admin-dashboard");

        browser.get("http://localhost:" + port + "/camunda/app/admin/default/#/users");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "okushiri-manager"));
        Thread.sleep(1000);
        Browser.screenshot(browser, "admin-users");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("List of Users", "Create New User");
        assertThat(refusedApiCalls()).isEmpty();
    }

    private static JsonNode japanese() throws Exception {
        return japanese("cockpit");
    }

    private static JsonNode japanese(String app) throws Exception {
        try (InputStream in = WebappsBrowserTest.class.getResourceAsStream("/META-INF/resources/webjars/camunda/app/" + app + "/locales/ja.json")) {
            return JSON.readTree(in);
        }
    }

    /** Responses of Cockpit's API calls with status 403 or 5xx (a 404 for the other municipality's case is expected). */
    private List<String> refusedApiCalls() throws Exception {
        List<String> refused = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            if ("Network.responseReceived".equals(message.path("method").asText())) {
                JsonNode response = message.path("params").path("response");
                int status = response.path("status").asInt();
                String url = response.path("url").asText();
                if (url.contains("/camunda/api/") && (status == 403 || status >= 500)) {
                    refused.add(status + " " + url);
                }
            }
        }
        return refused;
    }
}
