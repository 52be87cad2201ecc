package jp.jukiflow.browser;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jp.jukiflow.audit.NewProvision;
import jp.jukiflow.audit.ProvisionRecords;
import jp.jukiflow.support.Browser;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.MovingResidents;
import jp.jukiflow.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A clerk with a resident at the counter, in a real browser: from the start page to the login, the disclosure form,
 * a wrong 住民票コード (a Japanese message), then the resident's provisions in a table with the PDF and CSV links.
 */
@JukiflowTest
class DisclosureBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ProvisionRecords provisions;
    @Autowired
    ApplicationContext context;
    @Autowired
    Clock clock;

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
    void aClerkListsTheProvisionsOfAResident() {
        RequestContextHolder.resetRequestAttributes();
        MovingResidents.Mover resident = MovingResidents.in(context).create(HAKODATE, "0400001",
                "北海道函館市東雲町4番13号");
        provisions.record(new NewProvision(HAKODATE, resident.residentCode(), "奥尻町長", OKUSHIRI,
                "住民票の写しの広域交付", List.of("氏名", "生年月日", "性別", "住所"), "R-013676-2026-000321"));
        TestClock.of(clock).at(Instant.parse("2025-04-01T02:00:00Z"), () -> provisions.record(new NewProvision(
                HAKODATE, resident.residentCode(), "北海道知事", null, "都道府県への本人確認情報の通知",
                List.of("氏名", "住所", "住民票コード"), null)));

        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.linkText("本人確認情報の提供状況開示")).click();
        browser.findElement(By.id("username")).sendKeys("hakodate-clerk");
        browser.findElement(By.id("password")).sendKeys("hakodate-clerk");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("本人確認情報の提供状況開示（職員用）");

        WebElement code = browser.findElement(By.id("residentCode"));
        code.sendKeys("12345");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        assertThat(browser.findElement(By.cssSelector("p.error")).getText()).contains("住民票コード");
        Browser.screenshot(browser, "disclosure-error");

        code = browser.findElement(By.id("residentCode"));
        code.clear();
        code.sendKeys(resident.residentCode());
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        assertThat(browser.findElement(By.id("name")).getText())
                .isEqualTo(resident.familyName() + "　" + resident.givenName());
        List<WebElement> rows = browser.findElements(By.cssSelector("#provisions tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("令和8年11月26日", "奥尻町長（013676）", "住民票の写しの広域交付",
                "R-013676-2026-000321");
        assertThat(rows.get(1).getText()).contains("令和7年4月1日", "北海道知事");
        assertThat(browser.findElement(By.id("pdf")).getAttribute("href")).contains("/staff/disclosures/pdf?residentCode=");
        assertThat(browser.findElement(By.id("csv")).getAttribute("href")).contains("/staff/disclosures/csv?residentCode=");
        Browser.screenshot(browser, "disclosure");
    }
}
