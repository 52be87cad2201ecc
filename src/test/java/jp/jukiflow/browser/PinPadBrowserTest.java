package jp.jukiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.card.PinTestCards;
import jp.jukiflow.support.Browser;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.Towns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import jp.jukiflow.support.WithoutIdentifiers;

/**
 * The PIN pad in a real browser, as the clerk of 奥尻町 turns it toward a resident: digits clicked and typed show
 * only as dots, no element of the page and no browser storage holds them, the result is in big Japanese text, and
 * the network log shows that nothing sent to Camunda carried the PIN.
 */
@JukiflowTest
class PinPadBrowserTest {

    static final String WRONG_PIN = "1357";

    @LocalServerPort
    int port;
    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher hasher;
    @Autowired
    JdbcClient jdbc;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start(options -> {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        });
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        PinTestCards.retireAll(jdbc);
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theResidentKeysThePinOnAMaskedPad() throws Exception {
        String card = PinTestCards.newCard(cards, jdbc, hasher, Towns.OKUSHIRI);

        // the clerk logs in through the login form; Tasklist is open in the same browser
        browser.get(url("/staff/pin-requests/new"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("okushiri-clerk");
        browser.findElement(By.id("password")).sendKeys("okushiri-clerk");
        browser.findElement(By.cssSelector("main form button[type='submit']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cardNumber"))).sendKeys(card);
        new Select(browser.findElement(By.id("purpose"))).selectByVisibleText("特例転入");
        browser.findElement(By.cssSelector("form.request button[type='submit']")).click();

        // the PIN pad: big digits, no name, attempts left
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pin-prompt"),
                "暗証番号（数字4桁）を入力してください"));
        String padUrl = browser.getCurrentUrl();
        assertThat(padUrl).contains("/staff/pin-pad/");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("あと 3 回まちがえるとロックされます")
                .doesNotContain(card);
        for (char digit : WRONG_PIN.toCharArray()) {
            browser.findElement(By.cssSelector("[data-digit='" + digit + "']")).click();
        }
        assertThat(browser.findElements(By.cssSelector("#pin-dots .dot.filled"))).hasSize(4);
        assertNoPinInPage(WRONG_PIN);
        Browser.screenshot(browser, "pin-pad-masked");

        browser.findElement(By.id("pin-enter")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pin-result")));
        assertThat(browser.findElement(By.id("pin-result")).getText())
                .isEqualTo("暗証番号が違います。あと 2 回まちがえるとロックされます");
        assertNoPinInPage(WRONG_PIN);
        Browser.screenshot(browser, "pin-pad-wrong");

        // again, with the keyboard: 訂正 (Backspace) then the right PIN and Enter
        browser.findElement(By.linkText("もう一度入力する")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pin-keys")));
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys("99");
        assertThat(browser.findElements(By.cssSelector("#pin-dots .dot.filled"))).hasSize(2);
        body.sendKeys(Keys.BACK_SPACE);
        assertThat(browser.findElements(By.cssSelector("#pin-dots .dot.filled"))).isEmpty();
        body.sendKeys(PinTestCards.PIN);
        assertThat(browser.findElements(By.cssSelector("#pin-dots .dot.filled"))).hasSize(4);
        assertNoPinInPage(PinTestCards.PIN);
        body.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pin-result")));
        assertThat(browser.findElement(By.id("pin-result")).getText()).isEqualTo("確認できました");
        assertNoPinInPage(PinTestCards.PIN);
        Browser.screenshot(browser, "pin-pad-ok");

        // the clerk's Tasklist in the same browser session: load it, so that its requests are in the network log
        browser.get(url("/camunda/app/tasklist/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type='password'], .tasks-list, body")));
        Thread.sleep(1500);

        List<JsonNode> requests = sentRequests();
        assertThat(requests).as("the network log records requests").isNotEmpty();
        assertThat(requests).anySatisfy(r -> assertThat(r.path("url").asText()).contains("/camunda/"));
        assertThat(requests).anySatisfy(r -> {
            assertThat(r.path("method").asText()).isEqualTo("POST");
            assertThat(r.path("url").asText()).isEqualTo(padUrl);
        });
        for (JsonNode r : requests) {
            String url = r.path("url").asText();
            assertThat(url).as("no URL carries a PIN").doesNotContain(PinTestCards.PIN).doesNotContain(WRONG_PIN);
            if (url.contains("/camunda/") || url.contains("/engine-rest/")) {
                assertThat(r.toString()).as("a request to Camunda: " + url)
                        .doesNotContain(PinTestCards.PIN).doesNotContain(WRONG_PIN);
            }
        }
    }

    private void assertNoPinInPage(String pin) {
        Object html = browser.executeScript("return document.documentElement.outerHTML;");
        assertThat(WithoutIdentifiers.of(html)).doesNotContain(pin);
        for (WebElement input : browser.findElements(By.cssSelector("input, textarea"))) {
            assertThat(String.valueOf(input.getDomProperty("value"))).doesNotContain(pin);
        }
        Object storage = browser.executeScript(
                "return [window.localStorage.length, window.sessionStorage.length, document.cookie];");
        List<?> values = (List<?>) storage;
        assertThat(((Number) values.get(0)).intValue()).as("localStorage").isZero();
        assertThat(((Number) values.get(1)).intValue()).as("sessionStorage").isZero();
        assertThat(WithoutIdentifiers.of(values.get(2))).doesNotContain(pin);
    }

    /** Network.requestWillBeSent events of the performance log: url, method, headers, postData. */
    private List<JsonNode> sentRequests() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> sent = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = json.readTree(entry.getMessage()).path("message");
            if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                sent.add(message.path("params").path("request"));
            }
        }
        return sent;
    }

}
