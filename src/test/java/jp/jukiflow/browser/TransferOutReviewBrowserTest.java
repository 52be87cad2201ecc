package jp.jukiflow.browser;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jp.jukiflow.support.Browser;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.transferout.Attachment;
import jp.jukiflow.transferout.IntakeChannel;
import jp.jukiflow.transferout.Receipt;
import jp.jukiflow.transferout.TransferOutForm;
import jp.jukiflow.transferout.TransferOutIntake;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clerk reviews a mailed transfer-out in Tasklist: the task is in 係のタスク, the Japanese review form shows the
 * request, the register match and a link to the uploaded copy, and accepting it moves the case on.
 */
class TransferOutReviewBrowserTest extends ProcessTestFixture {

    /** A 1×1 PNG. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;
    @Autowired
    TransferOutIntake intake;

    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void clerkAcceptsAMailedTransferOutInTasklist() {
        var p = jdbc.sql("""
                select r.* from resident r join card c on c.resident_code = r.resident_code
                where r.municipality_code = '013676' and r.status = 'RESIDENT' and c.card_type = 'MY_NUMBER'
                  and c.status = 'ACTIVE' and c.pin_locked = false and r.birth_date < date '2000-01-01'
                order by r.resident_code desc""").query().listOfRows().get(0);
        String name = p.get("family_name") + " " + p.get("given_name");
        String kana = p.get("family_name_kana") + " " + p.get("given_name_kana");
        String birth = p.get("birth_date").toString();
        Receipt receipt = intake.submit(OKUSHIRI, new TransferOutForm("2026-12-03", null,
                        new TransferOutForm.Filer(name, kana, birth, "本人"), (String) p.get("address"), name,
                        new TransferOutForm.NewAddress(HAKODATE, "北海道函館市本町1番1号"), name,
                        List.of(new TransferOutForm.Mover(name, kana, birth, "MALE".equals(p.get("sex")) ? "男" : "女", "世帯主")),
                        "0", "MY_NUMBER", "true", "01397-2-3111", null),
                IntakeChannel.WEB, List.of(new Attachment("マイナンバーカード表面.png", "image/png", PNG)),
                Instant.parse("2026-11-26T01:00:00Z"), "browser-review");
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(receipt.receiptNumber())
                .singleResult();
        executeDueJobs(pi);

        browser = Browser.start();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
        Browser.camundaLogin(browser, "okushiri-clerk", "okushiri-clerk");

        WebElement groupFilter;
        try {
            groupFilter = wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'係のタスク')]")));
        } catch (org.openqa.selenium.TimeoutException e) {
            // what the clerk saw instead (a login error, an empty filter list, …) for whoever reads the failure
            Browser.screenshot(browser, "tasklist-no-group-filter");
            throw new AssertionError("no filter 係のタスク after login; the page said: "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
        groupFilter.click();
        // this case's task: the group's list also holds other tests' tasks, and may scroll under the footer
        String taskId = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
        WebElement taskLink = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("a[href='#/?task=" + taskId + "']")));
        assertThat(taskLink.getText()).contains("郵送転出届の審査");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", taskLink);
        wait.until(ExpectedConditions.elementToBeClickable(taskLink));
        browser.executeScript("arguments[0].click();", taskLink);
        WebElement receiptField;
        try {
            receiptField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receiptNumber")));
        } finally {
            Browser.screenshot(browser, "tasklist-review-opened");
        }
        wait.until(d -> receipt.receiptNumber().equals(receiptField.getAttribute("value")));
        assertThat(browser.findElement(By.id("registerMatchSummary")).getAttribute("value")).contains("一致");
        WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("マイナンバーカード表面.png")));
        assertThat(link.getAttribute("href")).contains("/camunda/api/engine/engine/default/task/");
        Browser.screenshot(browser, "tasklist-review");

        // a clerk claims the task before working on it
        Browser.screenshot(browser, "tasklist-review-before-claim");
        browser.findElement(By.xpath("//a[contains(normalize-space(),'担当する')] | //button[contains(normalize-space(),'担当する')]")).click();
        wait.until(d -> taskService.createTaskQuery().processInstanceId(pi.getId()).taskAssignee("okushiri-clerk").count() == 1);
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("reviewDecision")))).selectByValue("ACCEPT");
        new Select(browser.findElement(By.id("route"))).selectByValue("SPECIAL");
        WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='完了']")));
        browser.executeScript("arguments[0].scrollIntoView(true);", complete);
        complete.click();
        wait.until(d -> taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ReviewRequest").count() == 0);
        assertThat(runtimeService.getVariable(pi.getId(), "reviewDecision")).isEqualTo("ACCEPT");
    }
}
