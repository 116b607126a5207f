package org.homestretch.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** An address that leads nowhere, typed into the browser: a titled page in the app shell for a signed-in user. */
class NotFoundEndToEndTest extends EndToEndTest {

    @Test
    void a_signed_in_user_gets_a_titled_page_with_the_menu_to_go_on_from() throws Exception {
        signInAsTherapist();

        browser.get(url("/no-such-page"));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "Page not found"));
        wait.until(ExpectedConditions.titleIs("Page not found \u00b7 HomeStretch"));
        assertThat(browser.findElements(By.xpath("//vaadin-side-nav-item[contains(., 'Patients')]"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector(".hs-clinic-name")).getText()).isEqualTo("Riverside Physio (demo)");
        screenshot("not-found-signed-in");

        browser.findElement(By.xpath("//vaadin-side-nav-item[contains(., 'Patients')]")).click();
        wait.until(ExpectedConditions.urlContains("/patients"));

        // A record that is not there (or another clinic's) gives the same page.
        browser.get(url("/patients/00000000-0000-0000-0000-000000000000/adherence"));
        wait.until(ExpectedConditions.titleIs("Page not found \u00b7 HomeStretch"));
        assertThat(browser.findElements(By.xpath("//vaadin-side-nav-item[contains(., 'Patients')]"))).hasSize(1);
    }

    @Test
    void an_anonymous_visitor_is_asked_to_sign_in_and_sees_no_menu() {
        browser.manage().deleteAllCookies();

        browser.get(url("/no-such-page"));

        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElements(By.tagName("vaadin-side-nav"))).isEmpty();
    }
}
