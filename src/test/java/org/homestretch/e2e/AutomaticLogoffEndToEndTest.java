package org.homestretch.e2e;

import org.homestretch.catalog.CatalogService;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.MutableClock;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Automatic logoff after the clinic's idle time (15 minutes unless changed), measured on the
 * application's clock: Vaadin's heartbeat does not count as activity, a click does, the page
 * asks "Still there?" two minutes before, and the login page then says why. Unsaved program
 * edits are offered back after signing in again.
 */
class AutomaticLogoffEndToEndTest extends EndToEndTest {

    @Autowired
    MutableClock clock;
    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    UserDetailsService users;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void an_open_tab_whose_only_requests_are_heartbeats_is_signed_out_after_15_minutes() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        StaffSessions http = new StaffSessions(port);
        String session = signIn(clinic.therapistEmail);
        int uiId = openUiId();
        Instant start = Instant.now();
        clock.set(start);
        assertThat(http.get("/patients", session).statusCode()).isEqualTo(200);

        clock.set(start.plus(Duration.ofMinutes(14)));
        assertThat(http.heartbeat(session, uiId).statusCode()).isEqualTo(200);
        // The heartbeat was answered, but did not count: one minute left, as before it.
        assertThat(http.remaining(session)).hasValue(60L);

        clock.set(start.plus(Duration.ofMinutes(15)));
        HttpResponse<String> heartbeat = http.heartbeat(session, uiId);
        assertThat(heartbeat.statusCode()).isEqualTo(403);
        assertThat(StaffSessions.signedOutReason(heartbeat)).hasValue("IDLE.15");
        HttpResponse<String> page = http.get("/patients", session);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue(url("/login"));
    }

    @Test
    void each_click_starts_the_15_minutes_again() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        StaffSessions http = new StaffSessions(port);
        String session = signIn(clinic.therapistEmail);
        Instant start = Instant.now();
        clock.set(start);
        assertThat(http.get("/patients", session).statusCode()).isEqualTo(200);

        clock.set(start.plus(Duration.ofMinutes(10)));
        assertThat(http.get("/patients", session).statusCode()).isEqualTo(200);
        clock.set(start.plus(Duration.ofMinutes(20)));

        // 20 minutes after signing in, 10 after the last click: still signed in, 5 minutes left.
        assertThat(http.remaining(session)).hasValue(300L);
        assertThat(http.get("/patients", session).statusCode()).isEqualTo(200);
    }

    @Test
    void still_there_two_minutes_before_then_the_login_page_says_why_and_the_unsaved_program_comes_back()
            throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        StaffSessions.Published program = StaffSessions.publishedProgram(clinic, users, patients, programs, catalog);
        String session = signIn(clinic.therapistEmail);
        browser.get(url("/patients/" + program.patientId() + "/program"));
        add("knee hug", "Knee to chest");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".hs-result-count"),
                "unsaved changes"));
        assertThat(jdbc.sql("select count(*) from program_draft d join app_user u on u.id = d.user_id "
                + "where lower(u.email) = ?").param(clinic.therapistEmail).query(Integer.class).single()).isEqualTo(1);

        // 13½ minutes later: the page's timer asks, and the dialog offers to stay.
        clock.set(Instant.now().plus(Duration.ofSeconds(13 * 60 + 30)));
        timerAsksNow();
        By dialog = By.cssSelector("vaadin-dialog.hs-still-there");
        wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript("const d = document.querySelector('vaadin-dialog.hs-still-there'); return d && d.opened;")));
        By stay = By.xpath("//vaadin-button[normalize-space(.)='Stay signed in']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(stay));
        wait.until(ExpectedConditions.textMatches(By.xpath("//p[contains(., 'you will be signed out in')]"),
                java.util.regex.Pattern.compile("signed out in 1:\\d\\d\\.")));
        settled();
        screenshot("still-there");

        browser.findElement(stay).click();
        wait.until(driver -> Boolean.FALSE.equals(((JavascriptExecutor) driver)
                .executeScript("return document.querySelector('vaadin-dialog.hs-still-there').opened;")));
        // Staying counted as activity: the full 15 minutes again.
        assertThat(new StaffSessions(port).remaining(session)).hasValueSatisfying(s -> assertThat(s).isGreaterThan(14 * 60));
        assertThat(browser.findElement(dialog).getDomProperty("opened")).isEqualTo("false");

        // Then nobody answers: 15 minutes on, the page goes to the login page, which says why.
        clock.advance(Duration.ofMinutes(15));
        timerAsksNow();
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".hs-signed-out"),
                "You were signed out after 15 minutes without activity. Nothing you saved is lost."));
        screenshot("signed-out-idle");

        // Signed in again, the editor offers the exercise added before.
        signInOnPage(clinic.therapistEmail);
        browser.get(url("/patients/" + program.patientId() + "/program"));
        By restore = By.xpath("//vaadin-button[normalize-space(.)='Restore my changes']");
        wait.until(ExpectedConditions.elementToBeClickable(restore));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//*[contains(text(), 'but did not save it (2 exercises).')]")));
        settled();
        screenshot("unsaved-program-offered");
        browser.findElement(restore).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".hs-item-card"), 2));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".hs-result-count"),
                "unsaved changes"));
        assertThat(browser.findElements(By.cssSelector(".hs-item-card .hs-exercise-name")).stream()
                .map(e -> e.getDomProperty("textContent").strip()).toList())
                .containsExactly("1. Bridge", "2. Knee to chest");
    }

    /** Waits for dialogs to finish fading in, so that the screenshot shows what a person sees. */
    private void settled() {
        wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return document.getAnimations().every(a => a.playState !== 'running');")));
    }

    /** What the timer does when it fires, or when the tab is looked at again after a while. */
    private void timerAsksNow() {
        ((JavascriptExecutor) browser).executeScript("window.dispatchEvent(new Event('focus'));");
    }

    private String signIn(String email) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        signInOnPage(email);
        return browser.manage().getCookieNamed("JSESSIONID").getValue();
    }

    private void signInOnPage(String email) {
        signIn(email, TestAccounts.PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));
    }

    private int openUiId() {
        Object id = ((JavascriptExecutor) browser).executeScript(
                "return Object.values(window.Vaadin.Flow.clients).find(c => c && c.getUIId).getUIId();");
        return ((Number) id).intValue();
    }

    private void add(String search, String name) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".hs-program-editor .hs-search input")));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), search);
        By button = By.xpath("//vaadin-button[normalize-space(.)=\"Add " + name + "\"]");
        int before = browser.findElements(By.cssSelector(".hs-item-card")).size();
        // Results refresh as the text arrives: a click on a list just replaced is lost, so try again.
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                wait.until(ExpectedConditions.elementToBeClickable(button)).click();
                new WebDriverWait(browser, Duration.ofSeconds(5)).until(
                        driver -> driver.findElements(By.cssSelector(".hs-item-card")).size() > before);
                return;
            } catch (StaleElementReferenceException | TimeoutException replaced) {
                // try once more
            }
        }
        throw new AssertionError("Could not add " + name);
    }
}
