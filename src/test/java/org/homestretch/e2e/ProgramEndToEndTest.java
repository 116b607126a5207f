package org.homestretch.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A therapist builds a five-exercise program from scratch in a real browser, then reloads to see it kept. */
class ProgramEndToEndTest extends EndToEndTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.homestretch.security.ClinicProvisioning provisioning;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;
    @org.springframework.beans.factory.annotation.Autowired
    org.homestretch.patient.PatientService patients;

    @Test
    void therapist_builds_a_five_exercise_program_and_it_is_still_there_after_a_reload() throws Exception {
        signInAsTherapist();

        // Tom Fischer is the demo patient without a program.
        browser.get(url("/patients"));
        By allClinic = By.xpath("//vaadin-radio-button[.//label[contains(., 'All clinic')]]");
        wait.until(ExpectedConditions.elementToBeClickable(allClinic)).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[contains(., 'Fischer, Tom')]"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-button[contains(., 'Home program')]")))
                .click();
        wait.until(ExpectedConditions.urlMatches(".*/patients/[0-9a-f-]+/program"));

        for (String[] pick : List.of(new String[]{"knee hug", "Knee to chest"}, new String[]{"pelvic", "Pelvic tilt"},
                new String[]{"bridge", "Bridge"}, new String[]{"cat cow", "Cat-camel"},
                new String[]{"childs pose", "Child's pose"})) {
            add(pick[0], pick[1]);
        }
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".hs-item-card"), 5));

        // Hold the bridge (third) for 20 seconds, then move it to the top.
        WebElement hold = browser.findElements(By.cssSelector(".hs-item-card")).get(2)
                .findElements(By.cssSelector("vaadin-integer-field input")).get(2);
        hold.sendKeys(Keys.chord(Keys.CONTROL, "a"), "20", Keys.TAB);
        for (int i = 0; i < 2; i++) {
            List<String> before = names();
            // Each move redraws the cards: click the current button, then wait for the new order.
            wait.until(driver -> {
                WebElement up = driver.findElement(By.cssSelector("vaadin-button[aria-label='Move Bridge up']"));
                // Cards with figures are tall: bring the button to the middle, clear of the sticky header.
                ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", up);
                up.click();
                return true;
            });
            wait.until(driver -> !names().equals(before));
        }
        try {
            wait.until(driver -> names().getFirst().equals("1. Bridge"));
        } finally {
            screenshot("program-editor");
        }

        WebElement save = browser.findElement(By.xpath("//vaadin-button[contains(., 'Save new version')]"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", save);
        wait.until(ExpectedConditions.elementToBeClickable(save)).click();
        wait.until(driver -> driver.findElement(By.cssSelector(".hs-detail-heading"))
                .getDomProperty("textContent").contains("Version 1"));

        browser.navigate().refresh();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".hs-item-card"), 5));
        assertThat(names()).containsExactly("1. Bridge", "2. Knee to chest", "3. Pelvic tilt", "4. Cat-camel",
                "5. Child's pose");
        String holdAfter = browser.findElements(By.cssSelector(".hs-item-card")).getFirst()
                .findElements(By.cssSelector("vaadin-integer-field")).get(2).getDomProperty("value");
        assertThat(holdAfter).isEqualTo("20");
    }

    @Test
    void another_clinics_patient_is_not_found_and_nothing_of_it_reaches_the_browser() {
        String otherId = otherClinicsPatient();
        signInAsTherapist();

        for (String path : List.of("/patients/" + otherId, "/patients/" + otherId + "/program")) {
            browser.get(url(path));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "Page not found"));
            assertThat(browser.getPageSource()).doesNotContain("Secretname").doesNotContain("Zelda");
        }
    }

    /** A patient in a second clinic, made through the services as that clinic's therapist. */
    private String otherClinicsPatient() {
        var other = new org.homestretch.support.TestAccounts(provisioning);
        var user = users.loadUserByUsername(other.therapistEmail);
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        user, null, user.getAuthorities()));
        try {
            var patient = patients.create(new org.homestretch.patient.PatientDetails("Zelda", "Secretname", null,
                    "", "", "en", null, "Private note"));
            return patient.id().value().toString();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }


    private void add(String search, String name) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".hs-program-editor .hs-search input")));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), search);
        By button = By.xpath("//vaadin-button[normalize-space(.)=\"Add " + name + "\"]");
        int before = browser.findElements(By.cssSelector(".hs-item-card")).size();
        // Results refresh as the text arrives; a click on a list that was just replaced is lost,
        // so wait a few seconds for the item and only then click the current button again.
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                wait.until(ExpectedConditions.elementToBeClickable(button)).click();
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                continue;
            }
            try {
                new WebDriverWait(browser, Duration.ofSeconds(5)).until(
                        driver -> driver.findElements(By.cssSelector(".hs-item-card")).size() > before);
                return;
            } catch (org.openqa.selenium.TimeoutException notAdded) {
                // the click landed on a list being replaced: try once more
            }
        }
        throw new AssertionError("Could not add " + name);
    }

    private static List<String> names() {
        return browser.findElements(By.cssSelector(".hs-item-card .hs-exercise-name")).stream()
                // textContent, not getText(): cards scrolled out of the window still count.
                .map(e -> e.getDomProperty("textContent").strip()).toList();
    }


}
