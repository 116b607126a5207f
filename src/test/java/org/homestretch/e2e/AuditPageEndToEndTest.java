package org.homestretch.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings → Audit trail in the browser, on a desktop and a phone (390 px): nothing scrolls the page sideways. */
class AuditPageEndToEndTest extends EndToEndTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_admin_reads_the_audit_trail_on_a_desktop_and_a_phone() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        signIn(ADMIN, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));
        // Opening a record puts the admin on the trail.
        UUID nowak = jdbc.sql("select p.id from patient p join app_user u on u.clinic_id = p.clinic_id"
                        + " where u.email = 'therapist@demo.homestretch.org' and p.first_name = 'Peter' and p.last_name = 'Nowak'")
                .query(UUID.class).single();
        browser.get(url("/patients/" + nowak));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "Peter Nowak"));
        click(button("Who opened this record"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-dialog vaadin-grid.hs-record-access"), "Alex Morgan"));
        // The dialog fades in: wait for it to settle, so that the screenshot shows what a person sees.
        wait.until(driver -> Boolean.TRUE.equals(browser.executeScript(
                "return document.getAnimations().every(a => a.playState !== 'running');")));
        screenshot("who-opened-this-record");
        try {
            for (int width : new int[]{1280, 390}) {
                browser.manage().window().setSize(new Dimension(width, 900));
                browser.get(url("/settings/audit"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".hs-audit vaadin-grid"),
                        "Alex Morgan"));
                click(button("Check the record"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".hs-audit-check"), "intact"));
                screenshot("audit-trail-" + width);
                Number overflow = (Number) browser.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow.intValue()).as("page scrolls sideways at %d px", width).isLessThanOrEqualTo(0);
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
