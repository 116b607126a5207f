package org.homestretch.e2e;

import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.support.PdfQrCodes;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop on a phone-sized screen: the therapist prints a handout, the patient scans its
 * QR code (decoded from the real PDF), checks off a session with pain 3, and the therapist sees it.
 */
class PatientCheckinEndToEndTest extends EndToEndTest {

    @Autowired
    UserDetailsService users;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;

    private String rosaVersionId;

    @Test
    void a_patient_scans_the_handout_checks_off_a_session_and_the_therapist_sees_it() throws Exception {
        Patient rosa = patientWithProgram();
        String versionId = rosaVersionId;

        // The therapist prints the handout.
        signInAsTherapist();
        browser.get(url("/patients/" + rosa.id().value() + "/program"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//a[starts-with(normalize-space(.), 'Print handout')]")));
        String base64 = (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
                    let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); });""",
                url("/handouts/" + versionId + ".pdf"));
        byte[] pdf = Base64.getDecoder().decode(base64);
        String link = PdfQrCodes.read(pdf, 0).orElseThrow(() -> new AssertionError("no readable QR code on the handout"));
        assertThat(link).startsWith(url("/p/"));

        // The patient's phone: nobody signed in, 390 × 844.
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(link);
            wait.until(ExpectedConditions.urlToBe(url("/p/today")));
            WebElement greeting = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
            assertThat(greeting.getText()).isEqualTo("Hello Rosa");
            assertThat(browser.getPageSource()).doesNotContain("Lindqvist");
            Number overflow = (Number) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
            assertThat(browser.findElements(By.cssSelector(".exercise .figure svg[role=img]"))).hasSize(2);
            screenshot("patient-phone-today");

            browser.findElement(By.cssSelector("#exercise-0 label.tick")).click();
            browser.findElement(By.xpath("//div[@class='scale']/label[normalize-space(.)='3']")).click();
            List<WebElement> done = browser.findElements(By.xpath("//button[normalize-space(.)='Session done']"));
            assertThat(done).hasSize(1);
            screenshot("patient-phone-filled");

            // A shaky connection: the tap fails, the page and everything on it stay.
            ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
            offline.setOffline(true);
            browser.setNetworkConditions(offline);
            done.getFirst().click();
            WebElement notSent = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert.offline")));
            assertThat(notSent.getText()).startsWith("Not sent: there is no connection just now.");
            assertThat(browser.findElement(By.cssSelector("input[name=pain][value='3']")).isSelected()).isTrue();
            assertThat(browser.findElement(By.cssSelector("#exercise-0 input[name=ex]")).isSelected()).isTrue();
            screenshot("patient-phone-offline");
            browser.deleteNetworkConditions();
            done.getFirst().click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"), "Saved. Well done!"));
            assertThat(browser.findElement(By.cssSelector(".sessions li.done")).getText()).contains("pain 3 of 10");
            screenshot("patient-phone-saved");
        } catch (RuntimeException | AssertionError e) {
            screenshot("patient-phone-failed");
            System.out.println("PAGE " + browser.getCurrentUrl() + "\n" + browser.getPageSource());
            throw e;
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }

        // The therapist sees it.
        signInAsTherapist();
        browser.get(url("/patients/" + rosa.id().value() + "/checkins"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-grid"), "3/10"));
        String grid = browser.findElement(By.tagName("vaadin-grid")).getDomProperty("textContent");
        assertThat(grid).contains("Phone · v1").contains("Done (1 of 2 exercises)");
        assertThat(browser.findElement(By.id("access-facts")).getText()).doesNotContain("Not yet");
        screenshot("therapist-checkins");
    }

    private Patient patientWithProgram() {
        TestSignIn.as(users, THERAPIST);
        try {
            Patient patient = patients.create(new PatientDetails("Rosa", "Lindqvist", null, "", "", "en", null, ""));
            programs.publish(patient.id(), 0, List.of(
                    programs.newItem(catalog.find("knee-to-chest").orElseThrow().id())
                            .withDosage(new Dosage(1, 3, 30, Sides.EACH_SIDE, 1, 7)),
                    programs.newItem(catalog.find("pelvic-tilt").orElseThrow().id())));
            rosaVersionId = programs.history(patient.id()).getFirst().id().value().toString();
            return patient;
        } finally {
            TestSignIn.out();
        }
    }
}
