package jp.jukiflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.pin.NewPinRequests;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.pin.PinPolicy;
import jp.jukiflow.card.PinPurpose;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import jp.jukiflow.support.WithoutIdentifiers;

/**
 * The PIN pad's "new PIN" mode in a real browser: the resident keys the new PIN, then again; the digits show only as
 * dots, neither the page nor the browser's storage holds them before or after the submit, a mismatch comes back with
 * its Japanese reason, and a matching pair sets the PIN.
 */
@JukiflowTest
class NewPinPadBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    CardRegistry cards;
    @Autowired
    PinHasher hasher;
    @Autowired
    NewPinRequests newPins;
    @Autowired
    JdbcClient jdbc;

    ChromeDriver browser;
    WebDriverWait wait;
    String card;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (card != null) {
            jdbc.sql("update card set pin_hash = ? where card_number = ?").params(hasher.hash(PinTestCards.PIN), card)
                    .update();
        }
        PinTestCards.retireAll(jdbc);
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theResidentKeysTheNewPinTwiceOnAMaskedPad() {
        card = PinTestCards.newCard(cards, jdbc, hasher, Towns.OKUSHIRI);
        LocalDate birth = jdbc.sql("select birth_date from resident where resident_code = ?")
                .param(cards.find(card).orElseThrow().holderResidentCode()).query(LocalDate.class).single();
        List<String> good = Stream.of("5831", "3972", "6049", "7315")
                .filter(p -> new PinPolicy().check(p, birth).accepted()).toList();
        String newPin = good.get(0);
        String other = good.get(1);
        PinTestCards.actAsClerk("okushiri-clerk", Towns.OKUSHIRI);
        String id;
        try {
            id = newPins.open(card, PinPurpose.PIN_RESET, Towns.OKUSHIRI, "browser-test").id();
        } finally {
            SecurityContextHolder.clearContext();
        }

        browser.get("http://localhost:" + port + "/staff/new-pin-pad/" + id);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("okushiri-clerk");
        browser.findElement(By.id("password")).sendKeys("okushiri-clerk");
        browser.findElement(By.cssSelector("main form button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pin-prompt"),
                "新しい暗証番号（数字4桁）を入力してください"));
        assertThat(browser.findElement(By.id("pin-rules")).getText()).contains("1ずつ増える連続した数字");
        assertThat(browser.findElement(By.id("pin-form")).getDomAttribute("autocomplete")).isEqualTo("off");

        // first a mismatch: clicked, then typed
        for (char digit : newPin.toCharArray()) {
            browser.findElement(By.cssSelector("[data-digit='" + digit + "']")).click();
        }
        assertThat(browser.findElements(By.cssSelector("#pin-dots .dot.filled"))).hasSize(4);
        assertNoPinInPage(newPin);
        browser.findElement(By.id("pin-enter")).click();
        assertThat(browser.findElement(By.id("pin-prompt")).getText()).isEqualTo("確認のため、もう一度同じ暗証番号を入力してください");
        assertThat(browser.findElements(By.cssSelector("#pin-dots .dot.filled"))).isEmpty();
        assertNoPinInPage(newPin);
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys(other);
        body.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pin-error")));
        assertThat(browser.findElement(By.id("pin-error")).getText()).contains("一致しません");
        assertThat(browser.findElement(By.id("pin-prompt")).getText()).isEqualTo("新しい暗証番号（数字4桁）を入力してください");
        assertNoPinInPage(newPin);
        assertNoPinInPage(other);
        Browser.screenshot(browser, "new-pin-pad-mismatch");

        // then the same PIN twice, with the keyboard
        body = browser.findElement(By.tagName("body"));
        body.sendKeys(newPin);
        body.sendKeys(Keys.ENTER);
        body.sendKeys(newPin);
        assertThat(browser.findElements(By.cssSelector("#pin-dots .dot.filled"))).hasSize(4);
        assertNoPinInPage(newPin);
        body.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pin-result")));
        assertThat(browser.findElement(By.id("pin-result")).getText()).contains("新しい暗証番号を設定しました");
        assertNoPinInPage(newPin);
        Browser.screenshot(browser, "new-pin-pad-set");
        assertThat(hasher.matches(newPin, cards.find(card).orElseThrow().pin().pinHash())).isTrue();
    }

    private void assertNoPinInPage(String pin) {
        Object html = browser.executeScript("return document.documentElement.outerHTML;");
        assertThat(WithoutIdentifiers.of(html)).doesNotContain(pin);
        for (WebElement input : browser.findElements(By.cssSelector("input, textarea"))) {
            assertThat(String.valueOf(input.getDomProperty("value"))).doesNotContain(pin);
        }
        List<?> values = (List<?>) browser.executeScript(
                "return [window.localStorage.length, window.sessionStorage.length, document.cookie];");
        assertThat(((Number) values.get(0)).intValue()).as("localStorage").isZero();
        assertThat(((Number) values.get(1)).intValue()).as("sessionStorage").isZero();
        assertThat(WithoutIdentifiers.of(values.get(2))).doesNotContain(pin);
    }
}
