package jp.jukiflow.browser;

import static jp.jukiflow.support.Towns.HAKODATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import javax.imageio.ImageIO;

import jp.jukiflow.cases.CaseRegistry;
import jp.jukiflow.cases.CaseStatus;
import jp.jukiflow.support.Browser;
import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident files a mailed special transfer-out on the portal, in a real browser without any script of the page:
 * first with mistakes (the error summary links to the fields), then correctly for a demo resident of 奥尻町 whose
 * household head holds an active My Number Card, with a small PNG as the card copy.
 */
@JukiflowTest
class TransferOutPortalBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseRegistry cases;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** Until the page (after a form post) has loaded, so that autofocus has run. */
    private void loaded() {
        wait.until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** A household head of 奥尻町 with an active My Number Card, living at the household's address. */
    Map<String, Object> demoResident() {
        return jdbc.sql("""
                        select r.family_name, r.given_name, r.family_name_kana, r.given_name_kana, r.birth_date, r.sex, r.address
                        from household h
                        join resident r on r.resident_code = h.head_resident_code
                        join card c on c.resident_code = r.resident_code
                        where h.municipality_code = '013676' and r.status = 'RESIDENT' and r.address = h.address
                          and c.card_type = 'MY_NUMBER' and c.status = 'ACTIVE' and c.valid_until > ?
                        order by r.resident_code""")
                .param(java.sql.Date.valueOf(LocalDate.of(2026, 11, 26)))
                .query().listOfRows().get(0);
    }

    @Test
    void aResidentCorrectsMistakesAndFilesWithACardCopy() throws IOException {
        Map<String, Object> r = demoResident();
        String name = r.get("FAMILY_NAME") + " " + r.get("GIVEN_NAME");
        String kana = r.get("FAMILY_NAME_KANA") + " " + r.get("GIVEN_NAME_KANA");
        String birth = r.get("BIRTH_DATE").toString();

        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.linkText("オンライン届出（住民の方）")).click();
        loaded();
        Browser.screenshot(browser, "portal-index");
        browser.findElement(By.linkText("北海道奥尻町からの転出届")).click();
        loaded();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("転出届（郵送による特例転出）");
        assertThat(browser.findElements(By.cssSelector("fieldset.mover"))).hasSize(4);
        fullPageScreenshot("portal-transfer-out-form");

        // first attempt: romaji reading, a birth date in the future, no planned date
        type("filer-name", name);
        type("filer-nameKana", "Okushiri Taro");
        type("filer-birthDate", "2030-01-01");
        browser.findElement(By.cssSelector("button.primary")).click();
        loaded();

        WebElement summary = browser.findElement(By.id("error-summary"));
        assertThat(summary.getText()).contains("入力内容を確認してください", "転出予定日を入力してください。",
                "届出人のフリガナはカタカナで入力してください。", "届出人の生年月日が未来の日付です。");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("the summary has the focus").isEqualTo("error-summary");
        assertThat(browser.getTitle()).startsWith("エラー: ");
        assertThat(browser.findElement(By.id("filer-name")).getAttribute("value")).isEqualTo(name);
        Browser.screenshot(browser, "portal-transfer-out-errors");
        fullPageScreenshot("portal-transfer-out-errors-full");
        summary.findElement(By.partialLinkText("フリガナ")).click();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("filer-nameKana");
        assertThat(browser.findElement(By.id("filer-nameKana-error")).getText()).contains("カタカナで入力してください");

        // more mover rows without any script
        browser.findElement(By.xpath("//button[normalize-space()='異動者の欄を増やす']")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("fieldset.mover"), 6));
        loaded();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("movers-4-name");

        // second attempt: a correct request
        type("plannedMoveOutDate", "2026-12-05");
        type("filer-nameKana", kana);
        type("filer-birthDate", birth);
        browser.findElement(By.id("filer-relation-1")).click();
        type("currentAddress", r.get("ADDRESS").toString());
        type("headOfHousehold", name);
        type("newAddress-municipalityCode", HAKODATE);
        type("newAddress-address", "北海道函館市東雲町4番13号");
        type("newHeadOfHousehold", name);
        type("movers-0-name", name);
        type("movers-0-nameKana", kana);
        type("movers-0-birthDate", birth);
        browser.findElement(By.id("movers-0-sex-" + ("MALE".equals(r.get("SEX")) ? 1 : 2))).click();
        type("movers-0-relationship", "世帯主");
        browser.findElement(By.id("cardHolder-1")).click();
        browser.findElement(By.id("cardType-1")).click();
        browser.findElement(By.id("continuedUse-1")).click();
        type("phone", "01397-2-3111");
        type("email", "resident@example.jp");
        browser.findElement(By.id("cardCopy")).sendKeys(cardCopy().toAbsolutePath().toString());
        fullPageScreenshot("portal-transfer-out-filled");
        browser.findElement(By.cssSelector("button.primary")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "転出届を受け付けました"));
        loaded();
        String number = browser.findElement(By.id("receipt-number")).getText();
        assertThat(number).matches("013676-2026-\\d{6}");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(name, "北海道函館市", "この後の流れ", "1個");
        fullPageScreenshot("portal-transfer-out-received");
        CaseStatus stored = cases.find(number).orElseThrow();
        assertThat(stored.channel()).isEqualTo("WEB");
        assertThat(cases.documents(number)).singleElement().satisfies(d -> {
            assertThat(d.fileName()).isEqualTo("カードの写し_card-copy.png");
            assertThat(d.contentType()).isEqualTo("image/png");
        });

        // follow it on the status page
        browser.findElement(By.linkText("届出の状況を確認する")).click();
        type("birthDate", birth);
        browser.findElement(By.cssSelector("button.primary")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "現在の状況"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(number, "郵送による特例転出", "受付済み");
        Browser.screenshot(browser, "portal-request-status");

        browser.get("http://localhost:" + port + "/portal/131016/transfer-out");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ページが見つかりません");
        Browser.screenshot(browser, "portal-not-found");
    }

    private void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** A real, small PNG (a grey card outline) as the resident's card copy. */
    private static Path cardCopy() throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 320, 200);
        g.setColor(java.awt.Color.GRAY);
        g.drawRoundRect(10, 10, 300, 180, 20, 20);
        g.dispose();
        Path file = Path.of("target", "card-copy.png");
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** The whole page, not only the window: the form is long. */
    private void fullPageScreenshot(String name) {
        Dimension window = browser.manage().window().getSize();
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(window.getWidth(), Math.min(height.intValue() + 150, 8000)));
        Browser.screenshot(browser, name);
        browser.manage().window().setSize(window);
    }
}
