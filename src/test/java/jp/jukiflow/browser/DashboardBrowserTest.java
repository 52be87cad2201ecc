package jp.jukiflow.browser;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jp.jukiflow.support.Browser;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.TestClock;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The managers' dashboard in Debian's chromium: 奥尻町's 課長 logs in, sees the figures of cases made here, the three
 * charts drawn by the WebJar's Chart.js, and no 函館市 numbers. Saves a screenshot (target/screenshots/dashboard.png).
 */
class DashboardBrowserTest extends ProcessTestFixture {

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start(options -> options.addArguments("--window-size=1400,2400"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theManagerSeesFiguresAndChartsOfTheirTown() throws Exception {
        String key = "dashboard-browser-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        repositoryService.createDeployment().addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
                .name("画面確認の試験手続").camundaHistoryTimeToLive(1).startEvent()
                .userTask("Task_Check").name("画面確認の審査").camundaCandidateGroups("${execution.tenantId}-clerks")
                .endEvent("End_Done").name("完了").done()).deploy();
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        TestClock testClock = TestClock.of(clock);
        for (int d = 2; d <= 25; d += 3) {
            int day = d;
            var start = LocalDateTime.of(2026, 11, day, 10, 0).atZone(tokyo).toInstant();
            String id = testClock.at(start, () -> runtimeService.createProcessInstanceByKey(key)
                    .processDefinitionWithoutTenantId().setVariables(Map.of("municipalityCode", OKUSHIRI, "channel",
                            day % 2 == 0 ? "WEB" : "MAIL")).execute().getId());
            if (day < 20) {
                String task = taskService.createTaskQuery().processInstanceId(id).singleResult().getId();
                testClock.at(start.plus(Duration.ofDays(day % 5 + 1)), () -> {
                    taskService.complete(task);
                    return null;
                });
            }
        }
        testClock.at(LocalDateTime.of(2026, 11, 24, 10, 0).atZone(tokyo).toInstant(), () -> runtimeService
                .createProcessInstanceByKey(key).processDefinitionWithoutTenantId()
                .setVariables(Map.of("municipalityCode", HAKODATE, "lastDayForX", LocalDate.of(2026, 11, 27).toString()))
                .execute());

        browser.get("http://localhost:" + port + "/dashboard");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("okushiri-manager");
        browser.findElement(By.id("password")).sendKeys("okushiri-manager");
        browser.findElement(By.cssSelector("main form button[type='submit']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-charts", "drawn"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("管理ダッシュボード", "奥尻町");
        assertThat(browser.findElement(By.id("period")).getText()).isEqualTo("2026年11月1日 〜 2026年11月26日");
        WebElement procedures = browser.findElement(By.id("table-procedures"));
        List<String> row = procedures.findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().contains(key))
                .findFirst().orElseThrow().findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        // started on 2, 5, 8, 11, 14, 17, 20, 23; completed the first six
        assertThat(row.subList(0, 5)).containsExactly("画面確認の試験手続", key, "8", "6", "2");
        for (String chart : List.of("chart-volume", "chart-cycle-time", "chart-backlog")) {
            WebElement canvas = browser.findElement(By.id(chart));
            assertThat(canvas.getSize().getHeight()).as(chart).isGreaterThan(100);
            Object painted = browser.executeScript(
                    "const c = arguments[0]; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                            + "for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; } return false;", canvas);
            assertThat(painted).as(chart + " drawn").isEqualTo(true);
        }
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).doesNotContain("函館市").contains("日別の受付・完了件数", "未処理のタスク");
        assertThat(browser.findElements(By.cssSelector("a.csv"))).hasSizeGreaterThanOrEqualTo(8);
        Browser.screenshot(browser, "dashboard");
    }
}
