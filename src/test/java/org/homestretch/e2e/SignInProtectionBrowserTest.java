package org.homestretch.e2e;

import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.MutableClock;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homestretch.e2e.SignInClient.location;

/** What a person sees of sign-in protection in Chromium: the login page's messages, and the admin's unlock. */
class SignInProtectionBrowserTest extends EndToEndTest {

    /** 10:30 in Berlin (summer time), where the test clinics are. */
    private static final Instant T = Instant.parse("2031-06-02T08:30:00Z");

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @AfterEach
    void cleanUp() {
        clock.reset();
        fromAddress(null);
    }

    @Test
    void the_login_page_says_how_long_to_wait_and_a_locked_account_reads_like_a_wrong_password() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(T);
        fromAddress(SignInProtectionTest.freshClient());
        browser.manage().deleteAllCookies();

        browser.get(url("/login"));
        signIn(clinic.therapistEmail, "not the password");
        String wrongPassword = errorMessage();
        assertThat(wrongPassword).contains("Email or password not recognised").doesNotContainIgnoringCase("wait");

        for (int i = 2; i <= 5; i++) {
            browser.get(url("/login"));
            signIn("nobody-" + i + "-" + clinic.adminEmail, "guess");
            wait.until(ExpectedConditions.urlContains("/login?error"));
        }
        assertThat(errorMessage()).contains("Email or password not recognised")
                .contains("Please wait 2 seconds before trying again.");
        screenshot("login-wait");

        // The therapist's account is locked by guesses from elsewhere; the right password then reads
        // exactly like a wrong one, so nobody learns that the account exists or is locked.
        jdbc.sql("insert into sign_in_account (user_id, failures, window_start, locked_until) "
                        + "select id, 7, ?, ? from app_user where email = ? "
                        + "on conflict (user_id) do update set failures = 7, locked_until = excluded.locked_until")
                .params(java.sql.Timestamp.from(T), java.sql.Timestamp.from(T.plusSeconds(900)), clinic.therapistEmail)
                .update();
        fromAddress(SignInProtectionTest.freshClient());
        browser.get(url("/login"));
        signIn(clinic.therapistEmail, TestAccounts.PASSWORD);
        assertThat(errorMessage()).isEqualTo(wrongPassword);
        screenshot("login-locked");
    }

    @Test
    void an_admin_sees_until_when_an_account_is_locked_and_lifts_the_lock() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(T);
        for (int i = 1; i <= 7; i++) {
            new SignInClient(url(""), SignInProtectionTest.freshClient()).signIn(clinic.therapistEmail, "wrong " + i);
        }

        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        signIn(clinic.adminEmail, TestAccounts.PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));
        browser.get(url("/settings/users"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-grid"), "Locked until 10:45"));
        screenshot("users-locked");

        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-button[aria-label='Unlock Theo Therapist']"))).click();
        wait.until(ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-grid"), "Locked until")));
        assertThat(jdbc.sql("select count(*) from sign_in_account a join app_user u on u.id = a.user_id "
                + "where u.clinic_id = ?").param(clinic.clinicId.value()).query(Integer.class).single()).isZero();

        SignInClient therapist = new SignInClient(url(""), SignInProtectionTest.freshClient());
        assertThat(location(therapist.signIn(clinic.therapistEmail, TestAccounts.PASSWORD))).doesNotContain("/login");
        assertThat(therapist.isSignedIn()).isTrue();
    }

    /** Makes the browser's requests come from this address through the trusted proxy (null: from this machine). */
    private static void fromAddress(String address) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", address == null ? Map.of() : Map.of("X-Forwarded-For", address)));
    }

    /** The login form's error text, which sits two shadow roots deep. */
    private static String errorMessage() {
        wait.until(ExpectedConditions.urlContains("/login?error"));
        return wait.until(driver -> {
            Object text = ((JavascriptExecutor) driver).executeScript("""
                    const form = document.querySelector('vaadin-login-form');
                    const wrapper = form && form.shadowRoot && form.shadowRoot.querySelector('vaadin-login-form-wrapper');
                    const part = wrapper && wrapper.shadowRoot && wrapper.shadowRoot.querySelector('[part="error-message"]');
                    return part && part.offsetParent !== null ? part.innerText : null;""");
            return text == null || text.toString().isBlank() ? null : text.toString();
        });
    }
}
