package jp.jukiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import jp.jukiflow.support.Browser;
import jp.jukiflow.support.DiagramGeometry;
import jp.jukiflow.support.EngineRestCalls;
import jp.jukiflow.support.EngineRestCalls.Answer;
import jp.jukiflow.support.JukiflowTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every process of processes/ as Cockpit shows it: 奥尻町's 課長 opens each deployed process definition in Cockpit;
 * its diagram is drawn there with every shape and flow of the model, and a screenshot is kept for a person to look at
 * (target/cockpit-diagrams/&lt;key&gt;.png). The definition's BPMN, as the engine REST API serves it, has no flow
 * through a shape and no overlapping labels ({@link DiagramGeometry}).
 */
@JukiflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CockpitDiagramsBrowserTest {

    static final String MANAGER = "okushiri-manager";
    static final Path SCREENSHOTS = Path.of("target", "cockpit-diagrams");
    /** bpmn-js's drawing of a model element (a shape or a flow; not a label, not the diagram's root). */
    static final String DRAWN_ELEMENT = ".djs-container g.djs-element[data-element-id]"
            + ":not([data-element-id$='_label']):not(.djs-root)";

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;

    ChromeDriver browser;
    WebDriverWait wait;

    static List<Path> processes() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    @BeforeAll
    void logInToCockpit() {
        browser = Browser.start(options -> options.addArguments("--window-size=2400,1400"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        browser.get(cockpit("/"));
        // Cockpit's first load can take long on a busy machine: wait for its login form before typing into it
        wait.until(driver -> !driver.findElements(By.cssSelector("input[type='password']")).isEmpty());
        Browser.camundaLogin(browser, MANAGER, MANAGER);
        wait.until(driver -> driver.findElements(By.cssSelector("input[type='password']")).isEmpty());
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processes")
    void cockpitDrawsTheDeployedDiagramWithoutFlowsThroughShapes(Path file) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        String key = model.getModelElementsByType(Process.class).iterator().next().getId();
        int elements = model.getModelElementsByType(BpmnShape.class).size()
                + model.getModelElementsByType(BpmnEdge.class).size();
        ProcessDefinition deployed = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .withoutTenantId().latestVersion().singleResult();
        assertThat(deployed).as("%s deployed from %s", key, file).isNotNull();

        browser.get(cockpit("/#/process-definition/" + deployed.getId() + "/runtime"));
        wait.withMessage(() -> key + ": Cockpit draws " + browser.findElements(By.cssSelector(DRAWN_ELEMENT)).size()
                        + " of the model's " + elements + " shapes and flows")
                .until(driver -> driver.findElement(By.tagName("body")).getText().contains(deployed.getId())
                        && driver.findElements(By.cssSelector(DRAWN_ELEMENT)).size() == elements);
        assertThat(browser.findElement(By.tagName("body")).getText()).as("Cockpit's page of %s", key)
                .contains(deployed.getName());
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(key + ".png"), browser.getScreenshotAs(OutputType.BYTES));

        Answer xml = new EngineRestCalls(port).basic(MANAGER, "GET", "/process-definition/key/" + key + "/xml", null);
        assertThat(xml.status()).as("%s's XML from the engine REST API: %s", key, xml.body()).isEqualTo(200);
        assertThat(DiagramGeometry.problems(xml.json().get("bpmn20Xml").asText()))
                .as("%s as deployed: flows through shapes or overlapping labels (screenshot: %s)", key,
                        SCREENSHOTS.resolve(key + ".png"))
                .isEmpty();
    }

    private String cockpit(String path) {
        return "http://localhost:" + port + "/camunda/app/cockpit/default" + path;
    }
}
