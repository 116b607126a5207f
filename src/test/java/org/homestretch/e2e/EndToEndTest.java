package org.homestretch.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The running app with demo data, driven by headless Chromium. Subclasses share one Spring
 * context (same configuration), so the app starts once for all browser tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Links printed on handouts point at this very server.
        properties = {"homestretch.public-url=http://localhost:${local.server.port:8080}",
                // As behind a TLS proxy on this machine: X-Forwarded-Proto from 127.0.0.1 is believed.
                "server.forward-headers-strategy=native"})
@ActiveProfiles({"test", "demo"})
abstract class EndToEndTest {

    // The demo credentials README.md gives.
    static final String THERAPIST = "therapist@demo.homestretch.org";
    static final String ADMIN = "admin@demo.homestretch.org";
    static final String PASSWORD = "stretch-demo-2026";

    static ChromeDriver browser;
    static WebDriverWait wait;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.simple.JdbcClient database;

    /**
     * Every test is a new visitor: failed sign-ins of earlier tests from this machine's address
     * must not make this one wait (the per-address delay is tested on its own addresses).
     */
    @org.junit.jupiter.api.BeforeEach
    void forgetFailedSignInsFromThisMachine() {
        database.sql("delete from sign_in_client").update();
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = BrowserSupport.startChromium();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // Vaadin replaces elements as the server answers; a stale one just means "look again".
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Fills in and sends the login form on the current page. */
    void signIn(String email, String password) {
        WebElement username = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        username.sendKeys(email);
        WebElement passwordField = browser.findElement(By.cssSelector("input[name='password']"));
        passwordField.sendKeys(password);
        passwordField.sendKeys(Keys.ENTER);
    }

    /** Starts a fresh session as the demo therapist and waits for the app shell. */
    void signInAsTherapist() {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        signIn(THERAPIST, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));
    }

    /** Opens the user menu in the header and picks an entry. */
    void openUserMenuItem(String text) {
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".hs-user-menu vaadin-menu-bar-button"))));
        click(wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-menu-bar-item[normalize-space(.)='" + text + "']"))));
    }

    /** A button by its exact visible text, once it can be clicked. */
    WebElement button(String text) {
        return wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-button[normalize-space(.)='" + text + "']")));
    }

    /** Clicks after bringing the element to the middle of the window, clear of the sticky header. */
    void click(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
