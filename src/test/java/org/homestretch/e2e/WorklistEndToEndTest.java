package org.homestretch.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo therapist signs in and lands on the worklist: the demo's emergency sign first, the
 * count of unreviewed warning signs beside "Home"; marking it reviewed is stored once and stays
 * after a reload. Screenshots at 1280 px, 820 px, 390 px and 200 % zoom, to look at.
 */
class WorklistEndToEndTest extends EndToEndTest {

    private static final By EMERGENCY = By.cssSelector(".hs-worklist-item-emergency");
    private static final By WARNINGS = By.cssSelector(".hs-worklist-item-emergency, .hs-worklist-item-urgent");
    private static final By COUNT = By.cssSelector(".hs-side-nav .hs-nav-count");

    @Autowired
    JdbcClient jdbc;

    UUID grace;

    @AfterEach
    void forgetTheReview() {
        // Other browser tests share the demo clinic; the audit entry stays (the trail is append-only).
        if (grace != null) {
            jdbc.sql("delete from adherence_review where patient_id = :p and reason = 'RED_FLAG'")
                    .param("p", grace).update();
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    private int reviews() {
        return jdbc.sql("select count(*) from adherence_review where patient_id = :p and reason = 'RED_FLAG'")
                .param("p", grace).query(Integer.class).single();
    }

    private int audited() {
        return jdbc.sql("select count(*) from audit_entry where patient_id = :p and action = 'FLAG_REVIEWED'")
                .param("p", grace).query(Integer.class).single();
    }

    /** Back to the top of the list: Selenium counts a row scrolled out of the app layout's content as hidden. */
    private void toTop() {
        WebElement first = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".hs-worklist h2")));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", first);
        wait.until(d -> (Boolean) browser.executeScript("return arguments[0].getBoundingClientRect().top >= 0", first));
    }

    private int navCount() {
        List<WebElement> count = browser.findElements(COUNT);
        return count.isEmpty() ? 0 : Integer.parseInt(count.getFirst().getText().strip());
    }

    @Test
    void the_therapist_lands_on_the_worklist_and_a_reviewed_warning_stays_reviewed() throws Exception {
        // The demo clinic's Grace: other tests create patients of the same name in their own clinics.
        grace = jdbc.sql("""
                        select p.id from patient p join app_user u on u.clinic_id = p.clinic_id
                        where u.email = 'therapist@demo.homestretch.org'
                          and p.first_name = 'Grace' and p.last_name = 'Okafor'""")
                .query(UUID.class).single();
        assertThat(reviews()).isZero();
        int auditedBefore = audited();

        browser.manage().window().setSize(new Dimension(1280, 900));
        signInAsTherapist();
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
        WebElement emergency = wait.until(ExpectedConditions.visibilityOfElementLocated(EMERGENCY));
        assertThat(emergency.getText()).startsWith("Grace Okafor").contains("Emergency sign: ");
        // The demo's urgent sign (Peter Nowak, pain down the leg), its high and rising pain, lapsed patients and
        // worse outcome scores are there too.
        assertThat(browser.findElement(By.cssSelector(".hs-worklist-groups")).getText())
                .contains("Urgent warning signs").contains("Peter Nowak").contains("High or rising pain")
                .contains("Stopped checking in").contains("Aisha Khan")
                .contains("Outcome scores getting worse").contains("PSFS: Worse by");
        int warnings = browser.findElements(WARNINGS).size();
        wait.until(d -> navCount() == warnings);

        for (int width : new int[]{1280, 820, 390}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            wait.until(d -> (Boolean) browser.executeScript("return window.innerWidth <= " + width));
            screenshot("worklist-" + width);
        }
        // The end of the list: lapsed patients and outcome scores.
        browser.manage().window().setSize(new Dimension(1280, 900));
        WebElement last = browser.findElement(By.cssSelector(".hs-worklist-group:last-child"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'end'})", last);
        wait.until(d -> (Boolean) browser.executeScript(
                "return arguments[0].getBoundingClientRect().bottom <= window.innerHeight + 1", last));
        screenshot("worklist-1280-end");
        browser.manage().window().setSize(new Dimension(1280, 900));
        toTop();
        // 200 % zoom: a 640 px wide page drawn at twice the pixels.
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 640, "height", 450, "deviceScaleFactor", 2, "mobile", false));
        try {
            wait.until(d -> (Boolean) browser.executeScript("return window.innerWidth === 640"));
            toTop();
            screenshot("worklist-zoom-200");
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }

        toTop();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(EMERGENCY));
        click(row.findElement(By.xpath(".//vaadin-button[normalize-space(.)='Mark reviewed']")));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(EMERGENCY));
        wait.until(d -> navCount() == warnings - 1);
        assertThat(reviews()).isEqualTo(1);
        assertThat(audited()).isEqualTo(auditedBefore + 1);

        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-worklist-groups, .hs-all-well")));
        assertThat(browser.findElements(EMERGENCY)).isEmpty();
        wait.until(d -> navCount() == warnings - 1);
        assertThat(reviews()).isEqualTo(1);
        assertThat(audited()).isEqualTo(auditedBefore + 1);
    }
}
