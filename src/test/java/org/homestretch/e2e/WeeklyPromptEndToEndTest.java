package org.homestretch.e2e;

import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;
import org.homestretch.checkin.AccessService;
import org.homestretch.outcome.Measure;
import org.homestretch.outcome.OutcomeEntry;
import org.homestretch.outcome.OutcomeService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.support.MutableClock;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The weekly outcome question on a 390 px phone, a week after the program started, with a dropped connection. */
class WeeklyPromptEndToEndTest extends EndToEndTest {

    @Autowired
    UserDetailsService users;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;
    @Autowired
    OutcomeService outcomes;
    @Autowired
    AccessService access;
    @Autowired
    MutableClock clock;

    @Test
    void a_week_after_the_start_the_phone_asks_the_weekly_questions_and_keeps_the_answers_when_offline()
            throws Exception {
        Instant start = Instant.parse("2026-03-10T08:00:00Z");
        clock.set(start);
        try {
            String link;
            TestSignIn.as(users, THERAPIST);
            try {
                Patient lena = patients.create(new PatientDetails("Lena", "Weekly", null, "", "", "en", null, ""));
                programs.publish(lena.id(), 0, List.of(programs.newItem(catalog.find("knee-to-chest").orElseThrow().id())
                        .withDosage(new Dosage(1, 3, 30, Sides.EACH_SIDE, 1, 7))));
                outcomes.record(lena.id(), new OutcomeEntry(Measure.PSFS, outcomes.today(),
                        List.of("Putting on socks", "Climbing stairs", "Sitting for an hour"), List.of(2, 3, 3)));
                link = access.ensure(lena.id()).orElseThrow().link();
            } finally {
                TestSignIn.out();
            }
            clock.advance(Duration.ofDays(7));

            browser.manage().deleteAllCookies();
            browser.manage().window().setSize(new Dimension(390, 844));
            try {
                browser.get(link);
                wait.until(ExpectedConditions.urlToBe(url("/p/today")));
                WebElement weekly = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.weekly")));
                assertThat(weekly.getText()).contains("How bad is your pain right now?")
                        .contains("How well can you do putting on socks today?");
                Number overflow = (Number) browser.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
                screenshot("weekly-question-phone");
                // The whole question at once, to look at: a phone's width, a tall window.
                browser.manage().window().setSize(new Dimension(390, 2000));
                screenshot("weekly-question-phone-whole");
                browser.manage().window().setSize(new Dimension(390, 844));

                for (String[] answer : new String[][]{{"nprs", "4"}, {"activity0", "5"}, {"activity1", "6"}, {"activity2", "5"}}) {
                    browser.findElement(By.xpath("//section[@class='weekly']//input[@name='" + answer[0] + "' and @value='"
                            + answer[1] + "']/..")).click();
                }
                ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
                offline.setOffline(true);
                browser.setNetworkConditions(offline);
                WebElement send = browser.findElement(By.xpath("//button[normalize-space(.)='Send my answers']"));
                send.click();
                WebElement notSent = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("section.weekly .alert.offline")));
                assertThat(notSent.getText()).startsWith("Not sent: there is no connection just now.");
                assertThat(browser.findElement(By.cssSelector("input[name=activity1][value='6']")).isSelected()).isTrue();
                screenshot("weekly-question-offline");
                browser.deleteNetworkConditions();
                send.click();

                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"),
                        "Your answers are saved"));
                assertThat(browser.findElements(By.cssSelector("section.weekly"))).isEmpty();
                screenshot("weekly-question-saved");
            } catch (RuntimeException | AssertionError e) {
                screenshot("weekly-question-failed");
                throw e;
            } finally {
                browser.deleteNetworkConditions();
                browser.manage().window().setSize(new Dimension(1280, 900));
            }
        } finally {
            clock.reset();
        }
    }
}
