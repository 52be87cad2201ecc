package jp.jukiflow.journey;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jp.jukiflow.journey.DemoPeople.Person;
import jp.jukiflow.journey.JourneyDatabase.Kind;
import jp.jukiflow.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One clerk journey in a real browser on the packaged application: 函館市's clerk signs in to Tasklist once, takes the
 * PIN task of a wide-area copy (「担当する」), opens the PIN pad with the task's button in a new tab (no second sign-in),
 * where the resident keys the PIN, completes the task, then collects the fee in the review task and completes it; the
 * manager then sees the closed case on the dashboard. Screenshots under target/screenshots/journey-*.png.
 */
class TasklistBrowserJourney {

    ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aClerkWorksAWideAreaCopyInTasklistAndTheManagerSeesItClosed() {
        Journeys.Running town = Journeys.shared(Kind.H2);
        browser = Browser.start();
        Person p = town.people().aloneWithCard(OKUSHIRI);
        EngineApi api = town.engine("hakodate-clerk");
        Map<String, Object> form = WideAreaCopyJourney.startForm("CARD");
        form.put("cardNumber", p.cardNumber());
        JsonNode started = api.start("wide-area-copy", form);
        String id = started.get("id").asText();
        JsonNode pinTask = api.awaitTask(id, "Task_ConfirmPin");

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(town.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + pinTask.get("id").asText());
        Browser.camundaLogin(browser, "hakodate-clerk", "hakodate-clerk");
        claim(wait);
        WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.partialLinkText("暗証番号入力画面を開く")));
        assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).contains("有効期限");
        Browser.screenshot(browser, "journey-tasklist-pin-task");

        String tasklist = browser.getWindowHandle();
        link.click();
        wait.until(d -> d.getWindowHandles().size() == 2);
        List<String> tabs = new ArrayList<>(browser.getWindowHandles());
        tabs.remove(tasklist);
        browser.switchTo().window(tabs.get(0));
        wait.until(ExpectedConditions.urlContains("/staff/pin-pad/"));
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
        // the resident keys the PIN on the pad's keys
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pin-keys")));
        for (char digit : DemoPeople.PIN.toCharArray()) {
            browser.findElement(By.cssSelector("#pin-keys button[data-digit='" + digit + "']")).click();
        }
        Browser.screenshot(browser, "journey-pin-pad-keyed");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("pin-enter"))).click();
        wait.until(ExpectedConditions.urlContains("/result"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("確認できました");
        Browser.screenshot(browser, "journey-pin-pad-result");
        browser.close();
        browser.switchTo().window(tasklist);

        complete(wait);
        wait.until(d -> api.get("/task?processInstanceId=" + id + "&taskDefinitionKey=Task_ConfirmPin").body().isEmpty());
        JsonNode review = api.awaitTask(id, "Task_Review");
        browser.get(town.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + review.get("id").asText());
        claim(wait);
        WebElement fee = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input[type=checkbox][name=feeCollected], input[type=checkbox][id*=feeCollected]")));
        browser.executeScript("arguments[0].click();", fee);
        Browser.screenshot(browser, "journey-tasklist-review-task");
        complete(wait);
        assertThat(town.engine("admin").awaitEnd(id)).containsExactly("End_Issued");

        // the manager at another desk: a browser without the clerk's session
        browser.manage().deleteAllCookies();
        browser.get(town.baseUrl() + "/dashboard");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username"))).sendKeys("hakodate-manager");
        browser.findElement(By.name("password")).sendKeys("hakodate-manager");
        browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/dashboard"));
        String dashboard = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body"))).getText();
        Browser.screenshot(browser, "journey-dashboard-manager");
        assertThat(dashboard).contains("函館市").contains("住民票の写しの広域交付");
        assertThat(completedWideAreaCopies(town)).isPositive();
        JourneyChecks.noOpenIncident(town);
    }

    private void claim(WebDriverWait wait) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//a[contains(normalize-space(),'担当する')] | //button[contains(normalize-space(),'担当する')]")))
                .click();
    }

    private void complete(WebDriverWait wait) {
        WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='完了']")));
        // the page footer may lie over the button in a short window: scroll it into view first
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
        browser.executeScript("arguments[0].click();", complete);
    }

    /** The closed wide-area copies 函館市's manager's dashboard counts, from its CSV of procedures. */
    private static int completedWideAreaCopies(Journeys.Running town) {
        WebUser manager = town.signedIn("hakodate-manager");
        String csv = manager.get("/dashboard/procedures.csv?municipality=" + HAKODATE + "&from=2026-12-01&to=2026-12-31")
                .html();
        // columns: 手続, プロセスキー, 受付, 完了, …
        return csv.lines().filter(l -> l.contains(",wide-area-copy,") || l.contains(",\"wide-area-copy\",")).findFirst()
                .map(l -> Integer.parseInt(l.split(",")[3].replace("\"", "").trim())).orElse(0);
    }
}
