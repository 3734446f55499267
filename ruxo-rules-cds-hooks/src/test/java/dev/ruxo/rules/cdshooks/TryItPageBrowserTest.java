package dev.ruxo.rules.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The try-it page in a real browser: Debian's headless Chromium and chromedriver, driven by Selenium. Fails, never
 * skips, when the browser is missing: {@code ./run-tests} installs it.
 */
class TryItPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path ARTIFACTS = Path.of("target", "browser");

    @TempDir
    Path dir;
    private TestService.Running service;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws IOException {
        assertThat(CHROMIUM).as("Chromium is missing: install the Debian packages chromium and chromium-driver"
                + " (./run-tests does so when run as root)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver is missing: install the Debian package chromium-driver")
                .isExecutable();
        service = TestService.startWithoutAuth(dir.resolve("feedback"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1400,1100", "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium")));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(dir.resolve("chromedriver.log").toFile())
                .build();
        browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void sendAnExampleSeeTheCardsOverrideOneAndSeeTheFeedbackCounted() throws IOException {
        browser.get(service.url("/").toString());
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#example option"), 3));
        Select example = new Select(browser.findElement(By.id("example")));
        example.selectByVisibleText("100 g for 7 days: above the weekly ceiling (order-sign)");
        wait.until(d -> d.findElement(By.id("request")).getDomProperty("value").contains("50881-007-07"));
        assertThat(new Select(browser.findElement(By.id("service"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo(CdsHooksServer.ORDER_SIGN);

        browser.findElement(By.id("send")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cards .card.critical")));

        WebElement critical = browser.findElement(By.cssSelector("#cards .card.critical"));
        assertThat(critical.findElement(By.cssSelector(".indicator")).getText()).isEqualToIgnoringCase("critical");
        assertThat(critical.findElement(By.cssSelector(".summary")).getText())
                .isEqualTo("100 g for 7 days exceeds the limit of 60 g per 7 days");
        // the Markdown detail is rendered, not shown as source
        assertThat(critical.findElements(By.cssSelector(".detail strong"))).isNotEmpty();
        assertThat(critical.findElement(By.cssSelector(".detail")).getText()).doesNotContain("**");
        WebElement source = critical.findElement(By.cssSelector(".source a"));
        assertThat(source.getDomAttribute("href")).startsWith("https://");
        assertThat(critical.findElement(By.cssSelector(".suggestions button")).getText())
                .isEqualTo("Change the quantity to 60 g for 7 days");
        assertThat(browser.findElements(By.cssSelector("#cards .card.warning"))).isNotEmpty();
        assertThat(colourOf(critical)).isIn("rgb(198, 40, 40)", "rgba(198, 40, 40, 1)");
        wait.until(d -> cell(d.findElements(By.cssSelector("#summary tr[data-rule='RUXO-DOSE-QTY-WEEKLY'] td.shown")))
                .equals("1"));
        screenshot("try-it-cards.png");

        new Select(critical.findElement(By.cssSelector("select.override-reason")))
                .selectByVisibleText("PC CDS does not apply to patient");
        critical.findElement(By.cssSelector("input.comment")).sendKeys("two tubes for both arms");
        critical.findElement(By.cssSelector("button.override")).click();

        wait.until(ExpectedConditions.textToBePresentInElement(critical, "Feedback sent: overridden"));
        wait.until(d -> cell(d.findElements(By.cssSelector(
                "#summary tr[data-rule='RUXO-DOSE-QTY-WEEKLY'] td.overridden"))).equals("1"));
        assertThat(browser.findElement(By.cssSelector("#summary tr[data-rule='RUXO-DOSE-QTY-WEEKLY']")).getText())
                .contains("PC CDS does not apply to patient (1)");
        screenshot("try-it-feedback.png");

        JsonNode summary = Http.json(Http.get(service.url("/feedback/summary")));
        JsonNode row = null;
        for (JsonNode r : summary.path("rules")) {
            if (r.path("ruleId").asText().equals("RUXO-DOSE-QTY-WEEKLY")) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("overridden").asLong()).isEqualTo(1);
        assertThat(row.path("topReasons").get(0).path("code").asText()).isEqualTo("cds-not-applicable");
    }

    @Test
    void aRequestThatCannotBeCheckedShowsTheNotCheckedCard() {
        browser.get(service.url("/").toString());
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#example option"), 3));
        new Select(browser.findElement(By.id("example")))
                .selectByVisibleText("Prefetch without the Patient: the check cannot run (order-sign)");
        wait.until(d -> d.findElement(By.id("request")).getDomProperty("value").contains("\"patient\": null"));

        browser.findElement(By.id("send")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cards .card.warning")));

        assertThat(browser.findElement(By.cssSelector("#cards .card.warning .summary")).getText())
                .contains("not checked");
    }

    private static String cell(List<WebElement> cells) {
        return cells.isEmpty() ? "" : cells.get(0).getText();
    }

    private String colourOf(WebElement card) {
        return card.findElement(By.cssSelector(".indicator")).getCssValue("background-color");
    }

    private void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(ARTIFACTS);
        Files.copy(shot.toPath(), ARTIFACTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
