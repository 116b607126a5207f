package org.homestretch.e2e;

import org.homestretch.support.PdfQrCodes;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A therapist's visit as it really goes: a new patient with a date typed the British way, a
 * program saved three times in one visit, a reload, back and forward, a template, and a handout
 * asked for with changes still on screen. After every step the database must hold exactly the
 * rows the therapist meant to make.
 */
class TherapistJourneyTest extends EndToEndTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void therapist_builds_edits_and_prints_a_program_and_every_save_is_one_version() throws Exception {
        String lastName = "Journey" + UUID.randomUUID().toString().substring(0, 6);
        signInAsTherapist();

        // 1. A new patient, born 14 March 1948, typed day first.
        browser.get(url("/patients"));
        click(By.xpath("//vaadin-button[contains(., 'New patient')]"));
        type(By.xpath("//vaadin-text-field[label[contains(., 'First name')]]//input"), "Edith");
        type(By.xpath("//vaadin-text-field[label[contains(., 'Last name')]]//input"), lastName);
        type(By.xpath("//vaadin-date-picker[label[contains(., 'Date of birth')]]//input"), "14/03/1948");
        click(By.xpath("//vaadin-dialog[@opened]//vaadin-button[normalize-space(.)='Save']"));
        wait.until(ExpectedConditions.urlMatches(".*/patients/[0-9a-f-]{36}$"));
        String patientId = browser.getCurrentUrl().replaceAll(".*/patients/", "");
        assertThat(count("select count(*) from patient where last_name = ?", lastName)).isEqualTo(1);
        assertThat(jdbc.sql("select date_of_birth from patient where last_name = ?").param(lastName)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(1948, 3, 14));

        // 2. A program, saved, edited and saved twice more: exactly three versions.
        click(By.xpath("//vaadin-button[contains(., 'Home program')]"));
        wait.until(ExpectedConditions.urlMatches(".*/patients/[0-9a-f-]+/program"));
        addExercise("knee hug", "Knee to chest");
        addExercise("bridge", "Bridge");
        saveAndWaitFor(1);
        assertThat(versions(patientId)).isEqualTo(1);
        setHold(0, "20");
        saveAndWaitFor(2);
        assertThat(versions(patientId)).isEqualTo(2);
        setHold(0, "25");
        saveAndWaitFor(3);
        assertThat(versions(patientId)).isEqualTo(3);
        screenshot("program-editor-after-saves");

        // 3. Reload, then back and forward: nothing is saved again, nothing asks to leave.
        browser.navigate().refresh();
        waitForHeading("Version 3");
        assertThat(cards()).isEqualTo(2);
        browser.navigate().back();
        wait.until(ExpectedConditions.urlMatches(".*/patients/[0-9a-f-]{36}$"));
        browser.navigate().forward();
        waitForHeading("Version 3");
        assertThat(versions(patientId)).isEqualTo(3);
        assertThat(browser.findElements(By.cssSelector("vaadin-confirm-dialog[opened]"))).isEmpty();

        // 4. Start from a template: one question, then the template's exercises, saved as version 4.
        click(By.xpath("//vaadin-select[label[contains(., 'Start from a template')]]"));
        click(By.xpath("(//vaadin-select-item[contains(., 'Built-in')])[1]"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("vaadin-confirm-dialog[opened]"), 1));
        click(By.xpath("//vaadin-button[normalize-space(.)='Replace']"));
        wait.until(d -> d.findElements(By.cssSelector("vaadin-confirm-dialog[opened]")).isEmpty());
        wait.until(d -> cards() > 2 && d.findElement(By.cssSelector(".hs-result-count")).getText().contains("unsaved"));
        saveAndWaitFor(4);
        assertThat(versions(patientId)).isEqualTo(4);

        // 5. An edit not yet saved: the print link refuses to print the old version.
        setHold(0, "40");
        WebElement print = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//a[contains(., 'save your changes first')]")));
        assertThat(print.getDomAttribute("href")).isNull();
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", print);
        print.click();
        screenshot("program-editor-unsaved-print");
        assertThat(browser.getWindowHandles()).hasSize(1);
        assertThat(versions(patientId)).isEqualTo(4);

        // 6. Saved: the link prints version 5; printing twice gives the same QR code.
        saveAndWaitFor(5);
        WebElement live = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//a[normalize-space(.)='Print handout (version 5)']")));
        String href = live.getDomProperty("href");
        String first = PdfQrCodes.read(fetch(href), 0).orElseThrow(() -> new AssertionError("no QR code"));
        String second = PdfQrCodes.read(fetch(href), 0).orElseThrow(() -> new AssertionError("no QR code"));
        assertThat(second).isEqualTo(first).startsWith(url("/p/"));
        assertThat(versions(patientId)).isEqualTo(5);
        assertThat(count("select count(*) from program_access a join program p on p.id = a.program_id "
                + "where p.patient_id = ?::uuid", patientId)).isEqualTo(1);
        assertThat(jdbc.sql("select changes[1] from program_version v join program p on p.id = v.program_id "
                        + "where p.patient_id = ?::uuid order by number").param(patientId).query(String.class).list())
                .hasSize(5).first().isEqualTo("First version");
    }

    private void saveAndWaitFor(int version) {
        WebElement save = browser.findElement(By.xpath("//vaadin-button[contains(., 'Save new version')]"));
        // Cards and their figures may still be settling: wait until the button sits in the window
        // with nothing over its middle, so the clicks land on it.
        wait.until(d -> (Boolean) browser.executeScript("""
                const b = arguments[0];
                b.scrollIntoView({block: 'center'});
                const r = b.getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return r.top >= 0 && r.bottom <= window.innerHeight && hit !== null && b.contains(hit);""", save));
        // People double-click buttons: the second click must not make a second version.
        new org.openqa.selenium.interactions.Actions(browser).doubleClick(
                wait.until(ExpectedConditions.elementToBeClickable(save))).perform();
        try {
            waitForHeading("Version " + version);
        } catch (org.openqa.selenium.TimeoutException notSaved) {
            try {
                screenshot("journey-save-" + version + "-failed");
            } catch (Exception ignored) {
                // the timeout is what matters
            }
            throw notSaved;
        }
    }

    private void waitForHeading(String text) {
        wait.until(d -> d.findElement(By.cssSelector(".hs-detail-heading")).getDomProperty("textContent").contains(text));
    }

    private void setHold(int card, String seconds) {
        WebElement hold = browser.findElements(By.cssSelector(".hs-item-card")).get(card)
                .findElements(By.cssSelector("vaadin-integer-field input")).get(2);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", hold);
        hold.sendKeys(Keys.chord(Keys.CONTROL, "a"), seconds, Keys.TAB);
        wait.until(d -> d.findElement(By.cssSelector(".hs-result-count")).getText().contains("unsaved changes"));
    }

    private void addExercise(String search, String name) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".hs-program-editor .hs-search input")));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), search);
        By button = By.xpath("//vaadin-button[normalize-space(.)=\"Add " + name + "\"]");
        int before = cards();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                wait.until(ExpectedConditions.elementToBeClickable(button)).click();
                new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> cards() > before);
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.TimeoutException again) {
                // the results list was replaced under the click: try the current button once more
            }
        }
        throw new AssertionError("Could not add " + name);
    }

    private byte[] fetch(String href) {
        String base64 = (String) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
                    let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); });""",
                href);
        return Base64.getDecoder().decode(base64);
    }

    private void click(By by) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void type(By by, String text) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).sendKeys(text);
    }

    private int cards() {
        return browser.findElements(By.cssSelector(".hs-item-card")).size();
    }

    private int versions(String patientId) {
        return count("select count(*) from program_version v join program p on p.id = v.program_id "
                + "where p.patient_id = ?::uuid", patientId);
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(List.of(params)).query(Integer.class).single();
    }
}
