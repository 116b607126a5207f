package org.homestretch.e2e;

import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;
import org.homestretch.checkin.AccessService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guided session on a 390 × 844 phone: one exercise at a time, a hold timer run on a clock
 * the test moves by hand (the script reads time only through {@code HomeStretchGuided.now}),
 * Done and Skip, the last questions and one Save: one check-in row with the right exercises.
 * Without JavaScript the plain list still saves.
 */
class GuidedSessionEndToEndTest extends EndToEndTest {

    @Autowired
    UserDetailsService users;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;
    @Autowired
    AccessService access;
    @Autowired
    JdbcClient jdbc;

    private final List<Patient> created = new ArrayList<>();

    @AfterEach
    void leaveNoTrace() {
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.manage().deleteAllCookies();
        // Archived: the demo clinic's lists look as they did before.
        TestSignIn.as(users, THERAPIST);
        try {
            created.forEach(p -> patients.setArchived(p.id(), true));
        } finally {
            TestSignIn.out();
        }
    }

    @Test
    void a_guided_session_with_a_timed_hold_done_and_skip_saves_one_check_in() throws Exception {
        Patient patient = patientWithProgram("Ines");
        openOnPhone(patient);
        try {
            screenshot("guided-1-start");
            click(visibleButton("Start session"));
            assertThat(currentHeading()).isEqualTo("1. Knee to chest");
            assertThat(focused()).isEqualTo("1. Knee to chest");
            assertThat(text(".exercise.current .guided-progress")).isEqualTo("Exercise 1 of 3");
            assertThat(text(".exercise.current .dosage")).startsWith("Hold for 30 seconds. Do this twice on each side.");
            assertThat(browser.findElements(By.cssSelector(".exercise.current details[open] ol li"))).isNotEmpty();
            // Nothing of the last questions yet, and nothing to save.
            assertThat(browser.findElement(By.xpath("//legend[starts-with(normalize-space(.),'Your pain now')]")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.cssSelector("form.checkin button[type=submit]")).isDisplayed()).isFalse();

            // The clock is the test's from here; the phone's vibration is recorded.
            browser.executeScript("window.testTime = 1000000; HomeStretchGuided.now = function () { return window.testTime; };"
                    + "window.vibrations = []; navigator.vibrate = function (p) { window.vibrations.push(p); return true; };");
            assertThat(text(".exercise.current .guided-count")).isEqualTo("Left side, 1 of 2");
            assertThat(text(".exercise.current .guided-clock")).isEqualTo("30");
            click(visibleButton("Start the hold"));
            assertThat(text(".exercise.current .guided-hold")).isEqualTo("Stop");
            assertThat(liveText()).isEqualTo("Hold for 30 seconds. Left side, 1 of 2.");
            advanceMillis(12_000);
            waitForText(".exercise.current .guided-clock", "18");
            // Said when a hold starts and ends, not every second.
            assertThat(liveText()).isEqualTo("Hold for 30 seconds. Left side, 1 of 2.");
            screenshotFromTop("guided-2-timer-running");
            // At 200 % zoom the page is 195 px wide: the bar's buttons stack, nothing runs off the side.
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 195, "height", 422, "deviceScaleFactor", 2, "mobile", true));
            assertNoSidewaysScrolling();
            screenshotFromTop("guided-2-timer-running-195");
            // The bar scrolls with the page there instead of covering the exercise.
            assertThat(browser.executeScript("""
                    var p = document.querySelector('.exercise.current .guided-progress').getBoundingClientRect();
                    return document.elementFromPoint(p.left + 5, p.top + p.height / 2).className;""")).isEqualTo("guided-only guided-progress");
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
            advanceMillis(18_000);
            waitForText(".exercise.current .guided-clock", "0");
            waitForText(".exercise.current .guided-count", "Left side, 2 of 2");
            assertThat(liveText()).isEqualTo("Time is up. Next: Left side, 2 of 2.");
            assertThat(((Number) browser.executeScript("return HomeStretchGuided.signals;")).intValue()).isEqualTo(1);
            assertThat(((Number) browser.executeScript("return window.vibrations.length;")).intValue()).isEqualTo(1);
            assertThat(text(".exercise.current .guided-hold")).isEqualTo("Start the next hold");
            // The next hold counts from the full time again.
            click(visibleButton("Start the next hold"));
            assertThat(text(".exercise.current .guided-clock")).isEqualTo("30");
            advanceMillis(30_000);
            waitForText(".exercise.current .guided-count", "Right side, 1 of 2");
            click(visibleButton("Done"));

            assertThat(currentHeading()).isEqualTo("2. Cat-camel");
            assertThat(focused()).isEqualTo("2. Cat-camel");
            // A moving exercise has no hold timer.
            assertThat(browser.findElements(By.cssSelector(".exercise.current .guided-clock"))).isEmpty();
            click(visibleButton("Skip this one"));

            assertThat(currentHeading()).isEqualTo("3. Bridge");
            assertThat(text(".exercise.current .guided-progress")).isEqualTo("Exercise 3 of 3");
            assertThat(text(".exercise.current .guided-count")).isEqualTo("Hold 1 of 10");
            assertNoSidewaysScrolling();
            screenshotFromTop("guided-3-last-exercise");
            // Reduced motion: the time bar jumps instead of sliding.
            browser.executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
            assertThat(browser.executeScript("return getComputedStyle(document.querySelector("
                    + "'.exercise.current .guided-meter span')).transitionDuration;")).isEqualTo("0s");
            click(visibleButton("Done"));

            assertThat(focused()).isEqualTo("Last questions");
            assertThat(browser.findElements(By.cssSelector(".exercise")).stream().filter(WebElement::isDisplayed)).isEmpty();
            browser.findElement(By.xpath("//div[@class='scale']/label[normalize-space(.)='4']")).click();
            WebElement save = visibleButton("Save");
            assertNoSidewaysScrolling();
            screenshotFromTop("guided-4-final-questions");
            wholePageScreenshot("guided-4-final-questions-whole-page");
            assertThat(checkins(patient)).isZero();

            // A double tap that gets past the disabled button: the form goes twice, the same key with it.
            browser.executeScript("arguments[0].click(); arguments[0].form.requestSubmit();", save);
            wait.until(ExpectedConditions.urlContains("entry="));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
            assertThat(browser.findElement(By.tagName("body")).getDomAttribute("class")).isNull();
            screenshot("guided-5-saved");
            assertThat(rows(patient)).containsExactly("#1 DONE pain 4");
            assertThat(exercises(patient)).containsExactly("0 done", "1 not done", "2 done");
            browser.navigate().refresh();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sessions li.done")));
            assertThat(checkins(patient)).isEqualTo(1);
            assertThat(exercises(patient)).hasSize(3);

            List<LogEntry> console = browser.manage().logs().get(LogType.BROWSER).getAll();
            assertThat(console).noneMatch(e -> e.getMessage().contains("Content Security Policy"));
        } catch (RuntimeException | AssertionError e) {
            failed();
            throw e;
        }
    }

    @Test
    void every_exercise_skipped_asks_why_instead_of_counting_them_done() throws Exception {
        Patient patient = patientWithProgram("Olu");
        openOnPhone(patient);
        try {
            click(visibleButton("Start session"));
            for (int i = 0; i < 3; i++) {
                click(visibleButton("Skip this one"));
            }
            assertThat(text(".guided-none-note")).startsWith("You skipped every exercise.");
            screenshotFromTop("guided-6-every-exercise-skipped");
            // "Session done" with nothing ticked counts every exercise as done: it is not offered.
            assertThat(browser.findElement(By.cssSelector("form.checkin button[type=submit]")).isDisplayed()).isFalse();
            click(browser.findElement(By.xpath("//details[contains(@class,'skip')]//label[normalize-space(.)='No time']")));
            click(browser.findElement(By.xpath("//details[contains(@class,'skip')]//button[normalize-space(.)='Save']")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"),
                    "Saved. Thank you for telling us."));
            assertThat(rows(patient)).containsExactly("#1 SKIPPED NO_TIME");
            assertThat(exercises(patient)).containsExactly("0 not done", "1 not done", "2 not done");
        } catch (RuntimeException | AssertionError e) {
            failed();
            throw e;
        }
    }

    @Test
    void without_javascript_the_plain_list_still_saves() throws Exception {
        Patient patient = patientWithProgram("Tomasz");
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        openOnPhone(patient);
        try {
            assertThat(browser.findElements(By.cssSelector(".guided-start"))).isEmpty();
            assertThat(browser.findElements(By.cssSelector(".exercise")).stream().filter(WebElement::isDisplayed)).hasSize(3);
            click(browser.findElement(By.cssSelector("#exercise-2 label.tick")));
            click(browser.findElement(By.xpath("//div[@class='scale']/label[normalize-space(.)='2']")));
            click(browser.findElement(By.xpath("//button[normalize-space(.)='Session done']")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"), "Saved. Well done!"));
            assertThat(rows(patient)).containsExactly("#1 DONE pain 2");
            assertThat(exercises(patient)).containsExactly("0 not done", "1 not done", "2 done");
        } catch (RuntimeException | AssertionError e) {
            failed();
            throw e;
        }
    }

    /** Three exercises once a day: a stretch held on each side, a moving one, and a held one without sides. */
    private Patient patientWithProgram(String firstName) {
        TestSignIn.as(users, THERAPIST);
        try {
            Patient patient = patients.create(new PatientDetails(firstName, "Guided", null, "", "", "en", null, ""));
            created.add(patient);
            programs.publish(patient.id(), 0, List.of(
                    programs.newItem(catalog.find("knee-to-chest").orElseThrow().id())
                            .withDosage(new Dosage(1, 2, 30, Sides.EACH_SIDE, 1, 7)),
                    programs.newItem(catalog.find("cat-camel").orElseThrow().id())
                            .withDosage(new Dosage(1, 10, 0, Sides.NONE, 1, 7)),
                    programs.newItem(catalog.find("bridge").orElseThrow().id())
                            .withDosage(new Dosage(1, 10, 5, Sides.BOTH_TOGETHER, 1, 7))));
            return patient;
        } finally {
            TestSignIn.out();
        }
    }

    private void openOnPhone(Patient patient) {
        String link;
        TestSignIn.as(users, THERAPIST);
        try {
            link = access.ensure(patient.id()).orElseThrow().link();
        } finally {
            TestSignIn.out();
        }
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        // The page itself 390 × 844, as on the phone (the window's own bars would take some of it).
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        browser.get(link);
        wait.until(ExpectedConditions.urlToBe(url("/p/today")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.checkin")));
    }

    private WebElement visibleButton(String label) {
        // Each exercise has its own "Done": the one on screen.
        return wait.until(d -> d.findElements(By.xpath("//button[normalize-space(.)='" + label + "']")).stream()
                .filter(b -> b.isDisplayed() && b.isEnabled()).findFirst().orElse(null));
    }

    private String currentHeading() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".exercise.current h3"))).getText();
    }

    private String focused() {
        return (String) browser.executeScript("return document.activeElement.textContent.trim();");
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private String liveText() {
        return (String) browser.executeScript("return document.querySelector('[aria-live=polite]').textContent;");
    }

    private void waitForText(String css, String expected) {
        wait.until(d -> expected.equals(d.findElement(By.cssSelector(css)).getText()));
    }

    private void advanceMillis(long millis) {
        browser.executeScript("window.testTime += arguments[0];", millis);
    }

    private void assertNoSidewaysScrolling() {
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
    }

    /** As the patient sees the step on arrival: the test's clicks scroll the page, the patient's do not. */
    private void screenshotFromTop(String name) throws Exception {
        browser.executeScript("window.scrollTo(0, 0);");
        screenshot(name);
    }

    private void wholePageScreenshot(String name) throws Exception {
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight;");
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", height.intValue(), "deviceScaleFactor", 1, "mobile", true));
        try {
            screenshot(name);
        } finally {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        }
    }

    private void failed() throws Exception {
        screenshot("guided-failed");
        System.out.println("PAGE " + browser.getCurrentUrl() + "\n" + browser.getPageSource());
    }

    private int checkins(Patient patient) {
        return jdbc.sql("select count(*) from checkin where patient_id = :p")
                .param("p", patient.id().value()).query(Integer.class).single();
    }

    /** Every check-in row of the patient, withdrawn ones included, as "#session status pain|reason". */
    private List<String> rows(Patient patient) {
        return jdbc.sql("""
                        select '#' || session_number || ' ' || status || ' '
                               || coalesce(skip_reason, 'pain ' || pain::text)
                        from checkin where patient_id = :p order by created_at""")
                .param("p", patient.id().value()).query(String.class).list();
    }

    private List<String> exercises(Patient patient) {
        return jdbc.sql("""
                        select e.position || ' ' || case when e.done then 'done' else 'not done' end
                        from checkin_exercise e join checkin c on c.id = e.checkin_id
                        where c.patient_id = :p order by e.position""")
                .param("p", patient.id().value()).query(String.class).list();
    }
}
