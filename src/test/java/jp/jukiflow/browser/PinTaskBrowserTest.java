package jp.jukiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.pin.PinPolicy;
import jp.jukiflow.card.PinTestCards;
import jp.jukiflow.support.Browser;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.Towns;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The PIN step in a real browser: the clerk signs in to Tasklist once, opens the task, sees until when the request is
 * valid and a button (no address to build, no id on the screen) that opens the PIN pad in a new tab, without a
 * second login.
 */
class PinTaskBrowserTest extends ProcessTestFixture {

    @LocalServerPort
    int port;
    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher hasher;

    ChromeDriver browser;
    ProcessInstance pi;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (pi != null && runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 1) {
            runtimeService.deleteProcessInstance(pi.getId(), "test");
        }
        PinTestCards.retireAll(jdbc);
    }

    @Test
    void theNewPinTaskOpensThePinPadInANewTabWithoutASecondLogin() {
        String card = PinTestCards.newCard(cards, jdbc, hasher, Towns.OKUSHIRI);
        Map<String, Object> start = new HashMap<>();
        start.put("cardNumber", card);
        start.put("visitor", "HOLDER");
        start.put("idDocument", "DRIVERS_LICENCE");
        pi = startAsClerk("pin-reset", Towns.OKUSHIRI, start);
        taskService.complete(task().getId(), Map.of("identityConfirmed", true));
        Task setNewPin = task();
        assertThat(setNewPin.getName()).isEqualTo("新しい暗証番号の設定");
        String requestId = (String) runtimeService.getVariable(pi.getId(), "newPinRequestId");
        // Tasklist offers the form's buttons once the clerk has taken the task (「担当する」)
        taskService.claim(setNewPin.getId(), "okushiri-clerk");

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + setNewPin.getId());
        Browser.camundaLogin(browser, "okushiri-clerk", "okushiri-clerk");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.partialLinkText("暗証番号入力画面を開く")));
        String form = browser.findElement(By.cssSelector(".fjs-form")).getText();
        assertThat(form).contains("有効期限", "11月26日 10:10 まで").doesNotContain(requestId);
        assertThat(link.getDomAttribute("href")).isEqualTo("/staff/new-pin-pad/" + requestId);
        assertThat(link.getDomAttribute("target")).isEqualTo("_blank");
        // the task header names the municipality, not its code
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".task-card .tenant-id"), "奥尻町"));
        // the 説明 tab holds the task's instruction (the BPMN documentation)
        browser.findElement(By.linkText("説明")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-card"),
                "新しい暗証番号を2回入力していただいてから完了してください"));
        Browser.screenshot(browser, "tasklist-task-description");
        browser.findElement(By.linkText("フォーム")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.partialLinkText("暗証番号入力画面を開く")));
        link = browser.findElement(By.partialLinkText("暗証番号入力画面を開く"));
        Browser.screenshot(browser, "tasklist-new-pin-task");

        // the task list tells the case apart: 受付番号, the holder's name, 受付日; no bare priority number
        String holderName = (String) runtimeService.getVariable(pi.getId(), "caseName");
        WebElement listed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tasks-list li.task")));
        wait.until(d -> listed.getText().contains(pi.getBusinessKey()));
        assertThat(listed.getText()).contains("受付番号", pi.getBusinessKey(), "氏名", holderName, "受付日",
                "2026年11月26日（木）");
        assertThat(browser.findElements(By.cssSelector(".cells-wrapper .priority")))
                .allSatisfy(p -> assertThat(p.isDisplayed()).isFalse());

        String tasklistTab = browser.getWindowHandle();
        link.click();
        wait.until(d -> d.getWindowHandles().size() == 2);
        List<String> tabs = new ArrayList<>(browser.getWindowHandles());
        tabs.remove(tasklistTab);
        browser.switchTo().window(tabs.get(0));
        wait.until(ExpectedConditions.urlContains("/staff/new-pin-pad/" + requestId));
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("新しい暗証番号");
        Browser.screenshot(browser, "new-pin-pad-from-task");

        // the resident keys the new PIN twice on the pad (a POST with the pad's CSRF token, same sign-in)
        LocalDate birth = jdbc.sql("select birth_date from resident where resident_code = ?")
                .param(cards.find(card).orElseThrow().holderResidentCode()).query(LocalDate.class).single();
        String newPin = Stream.of("5831", "3972", "6049", "7315").filter(p -> new PinPolicy().check(p, birth).accepted())
                .findFirst().orElseThrow();
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys(newPin);
        body.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pin-prompt"), "もう一度"));
        browser.findElement(By.tagName("body")).sendKeys(newPin);
        browser.findElement(By.tagName("body")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pin-result")));
        assertThat(browser.findElement(By.id("pin-result")).getText()).contains("新しい暗証番号を設定しました");

        // back in Tasklist the clerk completes the task: the process reads SET
        browser.close();
        browser.switchTo().window(tasklistTab);
        browser.findElement(By.xpath("//button[normalize-space(.)='完了']")).click();
        wait.until(d -> runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("pinResetOutcome").singleResult().getValue()).isEqualTo("RESET");
    }

    private Task task() {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }
}
