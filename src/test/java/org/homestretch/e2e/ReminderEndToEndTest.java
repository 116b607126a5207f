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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Remind me" on a phone-sized screen, and the calendar link on the therapist's check-ins page. */
class ReminderEndToEndTest extends EndToEndTest {

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

    @Test
    void remind_me_offers_morning_and_evening_and_makes_a_calendar_link_the_therapist_sees() throws Exception {
        Patient ines;
        String link;
        TestSignIn.as(users, THERAPIST);
        try {
            ines = patients.create(new PatientDetails("Ines", "Marchetti", null, "", "", "en", null, ""));
            programs.publish(ines.id(), 0, List.of(programs.newItem(catalog.find("knee-to-chest").orElseThrow().id())
                    .withDosage(new Dosage(1, 3, 30, Sides.EACH_SIDE, 2, 7))));
            link = access.ensure(ines.id()).orElseThrow().link();
        } finally {
            TestSignIn.out();
        }

        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(link);
            wait.until(ExpectedConditions.urlToBe(url("/p/today")));
            WebElement remind = wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Remind me")));
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", remind);
            screenshot("patient-phone-today-remind-link");
            remind.click();
            wait.until(ExpectedConditions.urlToBe(url("/p/remind")));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Remind me");
            List<WebElement> times = browser.findElements(By.cssSelector("input[type=time][name=at]"));
            assertThat(times).extracting(t -> t.getDomProperty("value")).containsExactly("08:00", "18:00");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("Morning", "Evening",
                    "Twice a day, every day");
            assertNoSidewaysScrolling();
            screenshot("patient-phone-remind-me");

            browser.findElement(By.xpath("//button[normalize-space(.)='Make a calendar link']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"),
                    "Your calendar link is ready."));
            assertThat(browser.findElement(By.linkText("Open in my calendar app")).getDomAttribute("href"))
                    .startsWith("webcal://localhost:" + port + "/p/calendar/").endsWith(".ics");
            assertNoSidewaysScrolling();
            screenshot("patient-phone-remind-me-link");
        } catch (RuntimeException | AssertionError e) {
            screenshot("patient-phone-remind-me-failed");
            throw e;
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }

        signInAsTherapist();
        browser.get(url("/patients/" + ines.id().value() + "/checkins"));
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reminder-panel")));
        wait.until(ExpectedConditions.textToBePresentInElement(panel, "Link made"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", panel);
        screenshot("therapist-checkins-reminders");
        click(button("Turn off calendar link"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("vaadin-confirm-dialog[opened]"), 1));
        click(button("Turn off"));
        wait.until(ExpectedConditions.textToBePresentInElement(panel, "No calendar link."));
    }

    private void assertNoSidewaysScrolling() {
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
    }
}
