package org.homestretch.fault;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** The demo therapist in headless Chromium, half-way through adding a patient when the database goes. */
final class TherapistBrowser implements AutoCloseable {

    private static final By FIRST_NAME = By.xpath("//vaadin-text-field[label[contains(., 'First name')]]//input");

    private final ChromeDriver browser;
    private final WebDriverWait wait;
    private final ChildApp app;

    private TherapistBrowser(ChromeDriver browser, ChildApp app) {
        this.browser = browser;
        this.app = app;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    static TherapistBrowser signIn(ChildApp app) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("homestretch-chromium-"));
        String binary = System.getenv().getOrDefault("HOMESTRETCH_CHROMIUM", "/usr/bin/chromium");
        String driver = System.getenv().getOrDefault("HOMESTRETCH_CHROMEDRIVER", "/usr/bin/chromedriver");
        if (new File(binary).canExecute()) {
            options.setBinary(binary);
        }
        ChromeDriver chrome = new File(driver).canExecute()
                ? new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).build(), options)
                : new ChromeDriver(options);
        TherapistBrowser therapist = new TherapistBrowser(chrome, app);
        chrome.get(app.url("/login"));
        therapist.type(By.cssSelector("input[name='username']"), "therapist@demo.homestretch.org");
        therapist.type(By.cssSelector("input[name='password']"), "stretch-demo-2026" + Keys.ENTER);
        therapist.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));
        return therapist;
    }

    /** Opens "New patient" and types a name and birth date; returns the last name typed. */
    String startNewPatient() {
        browser.get(app.url("/patients"));
        click(By.xpath("//vaadin-button[contains(., 'New patient')]"));
        String lastName = "Outage" + UUID.randomUUID().toString().substring(0, 6);
        type(FIRST_NAME, "Edith");
        type(By.xpath("//vaadin-text-field[label[contains(., 'Last name')]]//input"), lastName);
        type(By.xpath("//vaadin-date-picker[label[contains(., 'Date of birth')]]//input"), "14/03/1948" + Keys.TAB);
        return lastName;
    }

    String saveAndReadNotification() {
        click(By.xpath("//vaadin-dialog[@opened]//vaadin-button[normalize-space(.)='Save']"));
        // Whatever notification comes first about this save: the plain one, or an error text.
        try {
            return wait.until(driver -> {
                String shown = driver.findElements(By.cssSelector("vaadin-notification-card")).stream()
                        .map(WebElement::getText).filter(t -> !t.isBlank()).reduce("", (a, b) -> a + b);
                return shown.isEmpty() ? null : shown;
            });
        } catch (TimeoutException e) {
            return "(no notification within 30 s)";
        }
    }

    boolean firstNameStillTyped() {
        return "Edith".equals(browser.findElement(FIRST_NAME).getDomProperty("value"));
    }

    void saveAndAwaitPatientPage() {
        click(By.xpath("//vaadin-dialog[@opened]//vaadin-button[normalize-space(.)='Save']"));
        wait.until(ExpectedConditions.urlMatches(".*/patients/[0-9a-f-]{36}$"));
    }

    /** Saved under {@code target/screenshots/}, to look at. */
    void screenshot(String name) throws java.io.IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** Shows a page the phone received, at a phone's width, in a second window, and saves a screenshot. */
    void screenshotOfPhonePage(String html, String name) throws java.io.IOException {
        String main = browser.getWindowHandle();
        browser.switchTo().newWindow(org.openqa.selenium.WindowType.WINDOW);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 1400));
        browser.get("data:text/html;charset=utf-8;base64,"
                + java.util.Base64.getEncoder().encodeToString(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        screenshot(name);
        browser.close();
        browser.switchTo().window(main);
    }

    private void type(By field, String text) {
        wait.until(ExpectedConditions.elementToBeClickable(field)).sendKeys(text);
    }

    private void click(By target) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(target));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    @Override
    public void close() {
        browser.quit();
    }
}
