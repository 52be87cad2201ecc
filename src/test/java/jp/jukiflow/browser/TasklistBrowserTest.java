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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clerk's first minute, in a real browser: the Japanese start page, then Tasklist's own login in Japanese, then
 * Tasklist with the Japanese filters and without the vendor's English banner.
 */
@JukiflowTest
class TasklistBrowserTest {

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
    void startPageLeadsAClerkIntoAJapaneseTasklist() {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("jukiflow へようこそ");
        Browser.screenshot(browser, "start-page");
        browser.findElement(By.linkText("タスクリスト（Tasklist）")).click();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name='username'], input#inputUsername, input[type='text']")));
        assertThat(browser.getPageSource()).contains("ログイン");
        Browser.screenshot(browser, "tasklist-login");
        Browser.camundaLogin(browser, "okushiri-clerk", "okushiri-clerk");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "係のタスク"));
        String body = browser.findElement(By.tagName("body")).getText();
        assertThat(body).contains("自分のタスク", "係のタスク", "期限が近いタスク");
        List<WebElement> banners = browser.findElements(By.cssSelector(".ce-eol-banner"));
        assertThat(banners).allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
        assertThat(body).doesNotContain("migrate to Camunda 8");
        Browser.screenshot(browser, "tasklist");
    }
}
