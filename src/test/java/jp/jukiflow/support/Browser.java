package jp.jukiflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.By;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (no driver download: the machine has no
 * internet). Missing tools skip the test loudly, or fail it when {@code CI=true}.
 */
public final class Browser {

    private Browser() {
    }

    public static ChromeDriver start() {
        return start(options -> { });
    }

    /** Starts the browser with extra options (e.g. {@code goog:loggingPrefs} for the performance log). */
    public static ChromeDriver start(java.util.function.Consumer<ChromeOptions> extra) {
        Path chromium = ExternalTool.require("chromium", "apt-get install chromium chromium-driver");
        Path chromedriver = ExternalTool.require("chromedriver", "apt-get install chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,900", "--lang=ja-JP");
        extra.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return driver;
    }

    /**
     * Logs in on a Camunda webapp's login form (already loading in the browser). The webapp's own script focuses the
     * user field while it starts, which can steal keystrokes typed into the password field meanwhile; so both fields
     * are typed, read back, and typed again until they hold what was meant, before the form is sent.
     */
    public static void camundaLogin(ChromeDriver driver, String user, String password) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        for (int attempt = 1; ; attempt++) {
            WebElement userField = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("input[name='username'], input#inputUsername, input[type='text']")));
            WebElement passwordField = driver.findElement(By.cssSelector("input[type='password']"));
            userField.clear();
            userField.sendKeys(user);
            passwordField.clear();
            passwordField.sendKeys(password);
            if (user.equals(userField.getDomProperty("value")) && password.equals(passwordField.getDomProperty("value"))) {
                driver.findElement(By.cssSelector("button[type='submit']")).click();
                return;
            }
            if (attempt == 5) {
                throw new AssertionError("the login form did not keep what was typed: user field "
                        + userField.getDomProperty("value"));
            }
        }
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public static void screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
