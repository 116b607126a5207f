package org.homestretch.e2e;

import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;
import org.homestretch.checkin.AccessService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.support.MutableClock;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 2 on a phone-sized screen: a program with one exercise twice a day. Day one: session 1
 * done, session 2 not done ("I forgot"). Day two: a warning sign, undone, reported again. After
 * each step the stored rows are checked, and a reload and the Back button count nothing twice.
 */
class TwiceADayJourneyEndToEndTest extends EndToEndTest {

    /** The demo clinic's zone and phone (see DemoData). */
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String CLINIC_PHONE = "+44 20 7946 0000";

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
    @Autowired
    MutableClock clock;

    private Patient patient;

    @AfterEach
    void leaveNoTrace() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.manage().deleteAllCookies();
        if (patient != null) {
            // Archived: the demo clinic's lists and dashboard look as they did before this test.
            TestSignIn.as(users, THERAPIST);
            try {
                patients.setArchived(patient.id(), true);
            } finally {
                TestSignIn.out();
            }
        }
        clock.reset();
    }

    @Test
    void a_session_done_a_session_skipped_then_a_warning_sign_undone_and_reported_again() throws Exception {
        // Three days ago, so that nothing lies in the future once the clock is real again.
        LocalDate dayOne = LocalDate.now(LONDON).minusDays(3);
        LocalDate dayTwo = dayOne.plusDays(1);
        clock.set(dayOne.atTime(8, 0).atZone(LONDON).toInstant());
        String link = patientWithTwiceADayProgram();

        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(link);
            wait.until(ExpectedConditions.urlToBe(url("/p/today")));
            assertThat(formHeading()).isEqualTo("Session 1 of 2");
            assertThat(exerciseNames()).containsExactly("1. Knee to chest", "2. Bridge");

            // Day one, 08:00: session 1, the first exercise ticked, pain 2.
            browser.findElement(By.cssSelector("#exercise-0 label.tick")).click();
            pain(2);
            press("Session done");
            waitForNotice(".notice.ok", "Saved. Well done!");
            assertThat(sessionSummaries()).containsExactly("Session 1: Done at 08:00 · pain 2 of 10",
                    "Session 2: Not done yet");
            assertThat(live()).containsExactly(dayOne + " #1 DONE - -");
            assertThat(withdrawn()).isZero();
            assertThat(exercisesOf(dayOne, 1)).containsExactly("0 done", "1 not done");

            // The Back button and a reload show the day as it is, and count nothing again.
            browser.navigate().back();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("form.checkin h2"), "Session 2 of 2"));
            browser.navigate().refresh();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("form.checkin h2"), "Session 2 of 2"));
            assertThat(live()).containsExactly(dayOne + " #1 DONE - -");

            // 17:00: session 2 has only the twice-a-day exercise; not done, with a reason and a note.
            clock.advance(Duration.ofHours(9));
            browser.get(url("/p/today"));
            assertThat(formHeading()).isEqualTo("Session 2 of 2");
            assertThat(exerciseNames()).containsExactly("1. Knee to chest");
            browser.findElement(By.xpath("//summary[normalize-space(.)='I could not do this session']")).click();
            browser.findElement(By.xpath("//details[contains(@class,'skip')]//label[normalize-space(.)='I forgot']")).click();
            browser.findElement(By.id("skip-comment")).sendKeys("Busy evening");
            browser.findElement(By.xpath("//details[contains(@class,'skip')]//button[normalize-space(.)='Save']")).click();
            waitForNotice(".notice.ok", "Saved. Thank you for telling us.");
            assertThat(sessionSummaries()).containsExactly("Session 1: Done at 08:00 · pain 2 of 10",
                    "Session 2: Not done: I forgot");
            assertThat(browser.findElements(By.cssSelector("form.checkin, details.skip"))).isEmpty();
            assertThat(browser.findElement(By.cssSelector(".notice.info")).getText())
                    .isEqualTo("Nothing more to fill in for this day. Thank you for telling us.");
            assertThat(live()).containsExactly(dayOne + " #1 DONE - -", dayOne + " #2 SKIPPED FORGOT -");
            assertThat(withdrawn()).isZero();
            assertThat(exercisesOf(dayOne, 2)).containsExactly("0 not done");
            assertThat(jdbc.sql("select comment from checkin where patient_id = :p and session_number = 2")
                    .param("p", patient.id().value()).query(String.class).single()).isEqualTo("Busy evening");
            browser.navigate().refresh();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sessions li.skipped")));
            assertThat(live()).hasSize(2);

            // Day two, 09:00: a warning sign with session 1. The advice shows at once, and again once saved.
            clock.set(dayTwo.atTime(9, 0).atZone(LONDON).toInstant());
            browser.get(url("/p/today"));
            assertThat(formHeading()).isEqualTo("Session 1 of 2");
            assertThat(browser.findElement(By.cssSelector(".red-flag-live")).isDisplayed()).isFalse();
            browser.findElement(By.xpath("//label[normalize-space(.)='Pain going down a leg']")).click();
            assertThat(browser.findElement(By.cssSelector(".red-flag-live")).getText())
                    .startsWith("Please stop the exercises now and call your clinic on " + CLINIC_PHONE + ".");
            pain(5);
            press("Session done");
            WebElement alert = waitForNotice(".alert", "Thank you, this is saved. You told us about a warning sign.");
            assertThat(alert.getText()).contains("Please stop the exercises now and call your clinic on " + CLINIC_PHONE);
            assertThat(alert.findElement(By.tagName("a")).getDomAttribute("href")).isEqualTo("tel:" + CLINIC_PHONE);
            assertThat(browser.findElements(By.cssSelector(".notice.ok"))).isEmpty();
            assertThat(live()).containsExactly(dayOne + " #1 DONE - -", dayOne + " #2 SKIPPED FORGOT -",
                    dayTwo + " #1 DONE - PAIN_DOWN_LEG");
            assertThat(withdrawn()).isZero();
            assertNoSidewaysScrolling();
            screenshot("phone-after-warning");
            atWidth(390, () -> screenshot("phone-after-warning-whole-page"));
            atWidth(195, () -> {
                assertNoSidewaysScrolling();
                screenshot("phone-after-warning-195");
            });

            // A minute later: undone. The warning goes with it.
            clock.advance(Duration.ofMinutes(1));
            browser.findElement(By.cssSelector("form.undo button")).click();
            waitForNotice(".notice.info", "Undone. You can fill it in again below.");
            assertThat(browser.findElements(By.cssSelector("div.alert"))).noneMatch(WebElement::isDisplayed);
            assertThat(formHeading()).isEqualTo("Session 1 of 2");
            assertThat(live()).containsExactly(dayOne + " #1 DONE - -", dayOne + " #2 SKIPPED FORGOT -");
            assertThat(withdrawn()).isEqualTo(1);
            // Back to the address that said "saved": it no longer does, and nothing comes back.
            browser.navigate().back();
            wait.until(ExpectedConditions.urlContains("saved=flag"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.checkin")));
            assertThat(formHeading()).isEqualTo("Session 1 of 2");
            assertThat(browser.getPageSource()).doesNotContain("this is saved").doesNotContain("warning sign.");
            assertThat(live()).hasSize(2);
            assertThat(withdrawn()).isEqualTo(1);

            // Reported again.
            clock.advance(Duration.ofMinutes(1));
            browser.get(url("/p/today"));
            browser.findElement(By.xpath("//label[normalize-space(.)='Pain going down a leg']")).click();
            pain(5);
            press("Session done");
            waitForNotice(".alert", "Thank you, this is saved. You told us about a warning sign.");
            assertThat(live()).containsExactly(dayOne + " #1 DONE - -", dayOne + " #2 SKIPPED FORGOT -",
                    dayTwo + " #1 DONE - PAIN_DOWN_LEG");
            assertThat(withdrawn()).isEqualTo(1);
            browser.navigate().refresh();
            waitForNotice(".alert", "Thank you, this is saved. You told us about a warning sign.");
            // Session 2 is still offered, under the standing advice.
            assertThat(formHeading()).isEqualTo("Session 2 of 2");
            assertThat(live()).hasSize(3);
            assertThat(withdrawn()).isEqualTo(1);

            // Session 2 not done: the day ends with the advice again, not with "well done".
            clock.advance(Duration.ofMinutes(1));
            browser.findElement(By.xpath("//summary[normalize-space(.)='I could not do this session']")).click();
            browser.findElement(By.xpath("//details[contains(@class,'skip')]//label[normalize-space(.)='It hurt too much']")).click();
            browser.findElement(By.xpath("//details[contains(@class,'skip')]//button[normalize-space(.)='Save']")).click();
            waitForNotice(".notice.ok", "Saved. Thank you for telling us.");
            assertThat(browser.findElement(By.cssSelector(".alert")).getText())
                    .startsWith("Today you told us about a warning sign.")
                    .contains("Please stop the exercises now and call your clinic on " + CLINIC_PHONE);
            assertThat(browser.findElement(By.cssSelector(".notice.info")).getText()).isEqualTo(
                    "Nothing more to fill in for this day. Please stop the exercises now and call your clinic on "
                            + CLINIC_PHONE + ".");
            assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Well done");
            assertThat(live()).containsExactly(dayOne + " #1 DONE - -", dayOne + " #2 SKIPPED FORGOT -",
                    dayTwo + " #1 DONE - PAIN_DOWN_LEG", dayTwo + " #2 SKIPPED PAIN -");
            assertThat(withdrawn()).isEqualTo(1);
            atWidth(390, () -> screenshot("phone-day-ended-after-warning"));
        } catch (RuntimeException | AssertionError e) {
            screenshot("twice-a-day-failed");
            System.out.println("PAGE " + browser.getCurrentUrl() + "\n" + browser.getPageSource());
            throw e;
        }
    }

    private String patientWithTwiceADayProgram() {
        TestSignIn.as(users, THERAPIST);
        try {
            patient = patients.create(new PatientDetails("Noor", "Haddad", null, "", "", "en", null, ""));
            programs.publish(patient.id(), 0, List.of(
                    programs.newItem(catalog.find("knee-to-chest").orElseThrow().id())
                            .withDosage(new Dosage(1, 3, 30, Sides.EACH_SIDE, 2, 7)),
                    programs.newItem(catalog.find("bridge").orElseThrow().id())
                            .withDosage(new Dosage(2, 10, 5, Sides.BOTH_TOGETHER, 1, 7))));
            return access.ensure(patient.id()).orElseThrow().link();
        } finally {
            TestSignIn.out();
        }
    }

    /** Each live check-in as "day #session status reason symptoms", in day and session order. */
    private List<String> live() {
        return jdbc.sql("""
                        select local_date || ' #' || session_number || ' ' || status || ' ' || coalesce(skip_reason, '-')
                               || ' ' || coalesce(nullif(array_to_string(symptoms, ','), ''), '-')
                        from checkin where patient_id = :p and withdrawn_at is null
                        order by local_date, session_number""")
                .param("p", patient.id().value()).query(String.class).list();
    }

    private int withdrawn() {
        return jdbc.sql("select count(*) from checkin where patient_id = :p and withdrawn_at is not null")
                .param("p", patient.id().value()).query(Integer.class).single();
    }

    /** The exercises stored with a live check-in, as "position done". */
    private List<String> exercisesOf(LocalDate day, int session) {
        return jdbc.sql("""
                        select e.position || ' ' || case when e.done then 'done' else 'not done' end
                        from checkin_exercise e join checkin c on c.id = e.checkin_id
                        where c.patient_id = :p and c.local_date = :day and c.session_number = :session
                          and c.withdrawn_at is null
                        order by e.position""")
                .param("p", patient.id().value()).param("day", day).param("session", session)
                .query(String.class).list();
    }

    private String formHeading() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.checkin h2"))).getText();
    }

    private List<String> exerciseNames() {
        return browser.findElements(By.cssSelector(".exercise h3")).stream().map(WebElement::getText).toList();
    }

    private List<String> sessionSummaries() {
        return browser.findElements(By.cssSelector(".sessions li")).stream().map(WebElement::getText).toList();
    }

    private void pain(int value) {
        browser.findElement(By.xpath("//div[@class='scale']/label[normalize-space(.)='" + value + "']")).click();
    }

    private void press(String button) {
        browser.findElement(By.xpath("//button[normalize-space(.)='" + button + "']")).click();
    }

    private WebElement waitForNotice(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return browser.findElement(By.cssSelector(css));
    }

    private void assertNoSidewaysScrolling() {
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
    }

    /**
     * The page this many CSS pixels wide, as tall as its content so that a screenshot shows all of
     * it. 195 is a 390 px phone at 200 % zoom.
     */
    private void atWidth(int width, Step step) throws Exception {
        int scale = 390 / width;
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 844 / scale, "deviceScaleFactor", scale, "mobile", true));
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight;");
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height.intValue(), "deviceScaleFactor", scale, "mobile", true));
        try {
            step.run();
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private interface Step {
        void run() throws Exception;
    }
}
