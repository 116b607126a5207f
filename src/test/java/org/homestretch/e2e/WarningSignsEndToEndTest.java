package org.homestretch.e2e;

import org.homestretch.catalog.CatalogService;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The two questions about warning signs on a phone-sized screen: emergency first, in red. */
class WarningSignsEndToEndTest extends EndToEndTest {

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

    private Patient patient;

    @AfterEach
    void leaveNoTrace() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.manage().deleteAllCookies();
        if (patient != null) {
            // Archived: the demo clinic's dashboard does not open on this test's emergency sign.
            TestSignIn.as(users, THERAPIST);
            try {
                patients.setArchived(patient.id(), true);
            } finally {
                TestSignIn.out();
            }
        }
    }

    @Test
    void an_emergency_sign_tells_the_patient_to_call_the_emergency_number_now() throws Exception {
        String link = patientLink();
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(link);
        wait.until(ExpectedConditions.urlToBe(url("/p/today")));
        WebElement emergency = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("fieldset.emergency")));
        assertThat(emergency.findElement(By.tagName("legend")).getText())
                .isEqualTo("Do you have any of these? Get help now.");
        assertThat(emergency.getCssValue("border-top-color")).isEqualTo("rgba(154, 28, 28, 1)");
        assertThat(browser.findElement(By.cssSelector(".emergency-live")).isDisplayed()).isFalse();

        click(browser.findElement(By.cssSelector("input[value=SADDLE_NUMBNESS]")));
        WebElement live = browser.findElement(By.cssSelector(".emergency-live"));
        assertThat(live.isDisplayed()).isTrue();
        assertThat(live.getText()).matches("Call \\d{3} or go to the emergency department now\\.");
        browser.executeScript("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -60);", emergency);
        screenshot("patient-phone-warning-questions");

        click(browser.findElement(By.xpath("//button[normalize-space(.)='Session done']")));
        WebElement alert = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main > .alert")));
        assertThat(alert.getText()).contains("You told us about an emergency sign.")
                .containsPattern("Call \\d{3} or go to the emergency department now\\.");
        screenshot("patient-phone-emergency-saved");
    }

    private String patientLink() {
        TestSignIn.as(users, THERAPIST);
        try {
            patient = patients.create(new PatientDetails("Nora", "Fielding", null, "", "", "en", null, ""));
            programs.publish(patient.id(), 0, List.of(
                    programs.newItem(catalog.find("knee-to-chest").orElseThrow().id())));
            return access.ensure(patient.id()).orElseThrow().link();
        } finally {
            TestSignIn.out();
        }
    }
}
