package jp.jukiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jp.jukiflow.support.Browser;
import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A start form in a real browser, as form-js in Tasklist 7.24 renders it: fields that do not apply stay hidden, the
 * counter is chosen by name, a date is typed as YYYY-MM-DD, and the validation messages are Japanese.
 */
@JukiflowTest
class TasklistFormsBrowserTest {

    @LocalServerPort
    int port;

    ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theSuspensionStartFormShowsOnlyWhatAppliesInJapanese() {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        Browser.camundaLogin(browser, "okushiri-clerk", "okushiri-clerk");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("プロセスを開始"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("カードの一時停止"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));

        // 窓口 is preselected, so the counter is asked; by phone it is not; the date of the loss, the police number
        // and the free text only for the reasons they belong to
        assertThat(visibleLabels()).contains("受付の方法", "受付窓口", "カード番号", "理由")
                .doesNotContain("紛失・盗難の日（任意）", "警察の受理番号（後日でも可）", "理由の内容");
        label("電話").click();
        wait.until(d -> !visibleLabels().contains("受付窓口"));
        label("その他").click();
        wait.until(d -> visibleLabels().contains("理由の内容"));
        assertThat(visibleLabels()).doesNotContain("紛失・盗難の日（任意）");
        label("窓口").click();
        label("紛失").click();
        wait.until(d -> visibleLabels().contains("受付窓口"));
        assertThat(visibleLabels()).contains("受付窓口", "紛失・盗難の日（任意）", "警察の受理番号（後日でも可）")
                .doesNotContain("理由の内容");
        assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).contains("例 2026-12-10")
                .doesNotContain("mm/dd/yyyy");

        // a date in another order, and the required fields left empty: Japanese messages
        WebElement lostOn = field("紛失・盗難の日（任意）");
        lostOn.sendKeys("12/10/2026", Keys.TAB);
        browser.findElement(By.xpath("//button[contains(., '開始')]")).click();
        wait.until(d -> d.findElement(By.cssSelector(".fjs-form")).getText().contains("入力してください。"));
        String form = browser.findElement(By.cssSelector(".fjs-form")).getText();
        assertThat(form).contains("形式が正しくありません", "入力してください。").doesNotContain("Field is required",
                "must match pattern");

        // the counter by name
        WebElement officeLabel = browser.findElements(By.cssSelector(".fjs-form label.fjs-form-field-label")).stream()
                .filter(l -> l.getText().strip().equals("受付窓口")).findFirst().orElseThrow();
        officeLabel.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"))
                .findElement(By.cssSelector(".fjs-input-group")).click();
        wait.until(d -> d.findElement(By.cssSelector(".fjs-dropdownlist")).isDisplayed());
        assertThat(browser.findElement(By.cssSelector(".fjs-dropdownlist")).getText())
                .contains("奥尻町役場 本庁", "奥尻町役場 青苗支所").doesNotContain("okushiri-aonae");
        assertThat(officeLabel.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]")).getText())
                .contains("選択してください").doesNotContain("Select");
        Browser.screenshot(browser, "tasklist-suspension-start-form");
    }

    private List<String> visibleLabels() {
        return browser.findElements(By.cssSelector(".fjs-form label.fjs-form-field-label")).stream()
                .filter(WebElement::isDisplayed).map(e -> e.getText().replace("*", "").strip()).toList();
    }

    private WebElement label(String text) {
        return browser.findElement(By.xpath("//div[contains(@class,'fjs-form')]//label[normalize-space(.)='" + text + "']"));
    }

    private WebElement field(String labelText) {
        WebElement label = browser.findElements(By.cssSelector(".fjs-form label.fjs-form-field-label")).stream()
                .filter(l -> l.getText().replace("*", "").strip().equals(labelText)).findFirst().orElseThrow();
        return browser.findElement(By.id(label.getDomAttribute("for")));
    }
}
