package org.homestretch.e2e;

import org.homestretch.security.ClinicProvisioning;
import org.homestretch.security.UserId;
import org.homestretch.support.RecordingSessionEnder;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords in a real browser, through the real security chain: a therapist changes theirs from
 * the user menu, and an admin makes a reset link that the therapist uses once. Each test makes
 * its own clinic, so the demo accounts keep their password.
 */
class PasswordEndToEndTest extends EndToEndTest {

    private static final String NEW_PASSWORD = "heron lantern quilt";

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    RecordingSessionEnder sessionEnder;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_therapist_changes_their_password_from_the_user_menu_after_giving_the_current_one() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        String before = hashOf(clinic.therapistEmail);
        signInFresh(clinic.therapistEmail, TestAccounts.PASSWORD);

        openUserMenuItem("Change password");
        input("Current password").sendKeys("not my password");
        input("New password").sendKeys(NEW_PASSWORD);
        input("Type the new password again").sendKeys(NEW_PASSWORD);
        click(button("Change password"));

        assertThat(errorOf("Current password")).isEqualTo("That is not your current password.");
        screenshot("change-password-wrong-current");

        input("Current password").clear();
        input("Current password").sendKeys(TestAccounts.PASSWORD);
        input("New password").clear();
        input("New password").sendKeys("password1234");
        input("Type the new password again").clear();
        input("Type the new password again").sendKeys("password1234");
        click(button("Change password"));
        assertThat(errorOf("New password")).startsWith("This password is too easy to guess.")
                .contains("very common password");
        assertThat(hashOf(clinic.therapistEmail)).isEqualTo(before);

        input("New password").clear();
        input("New password").sendKeys(NEW_PASSWORD);
        input("Type the new password again").clear();
        input("Type the new password again").sendKeys(NEW_PASSWORD);
        click(button("Change password"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-dialog-overlay")));
        wait.until(d -> !hashOf(clinic.therapistEmail).equals(before));

        // Every other session of the account ends; this browser's stays.
        String thisSession = browser.manage().getCookieNamed("JSESSIONID").getValue();
        assertThat(sessionEnder.requestsFor(userId(clinic.therapistEmail)))
                .containsExactly(new RecordingSessionEnder.Request(userId(clinic.therapistEmail), thisSession));
        browser.get(url("/patients"));
        wait.until(ExpectedConditions.urlContains("/patients"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));

        // The old password no longer signs in; the new one does.
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        signIn(clinic.therapistEmail, TestAccounts.PASSWORD);
        wait.until(ExpectedConditions.urlContains("/login?error"));
        signInFresh(clinic.therapistEmail, NEW_PASSWORD);
    }

    @Test
    void an_admin_makes_a_reset_link_that_sets_a_new_password_once() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInFresh(clinic.adminEmail, TestAccounts.PASSWORD);
        browser.get(url("/settings/users"));
        WebElement reset = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-button[aria-label='Reset the password of Theo Therapist']")));
        screenshot("settings-users-reset-button");
        click(reset);
        click(button("Make a reset link"));
        WebElement linkField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//vaadin-text-field[.//label[normalize-space(.)='Reset link']]//input")));
        wait.until(d -> !linkField.getDomProperty("value").isEmpty());
        String link = linkField.getDomProperty("value");
        assertThat(link).matches(java.util.regex.Pattern.quote(url("/reset-password?token=")) + "[A-Za-z0-9_-]{43}");
        assertThat(browser.findElement(By.cssSelector(".hs-reset-dialog p:last-of-type")).getText())
                .contains("Email is not set up on this server").contains("It works until");
        screenshot("reset-link-dialog");
        assertThat(resetRows(clinic.therapistEmail)).isEqualTo(1);

        // The page a link opens sends no referrer, not even to this server.
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");

        // Theo, on another computer: the address bar loses the token at once.
        browser.manage().deleteAllCookies();
        browser.get(link);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Set a new password"));
        wait.until(d -> d.getCurrentUrl().endsWith("/reset-password"));
        input("New password").sendKeys("123456789012");
        input("Type it again").sendKeys("123456789012");
        click(button("Set password"));
        assertThat(errorOf("New password")).startsWith("This password is too easy to guess.");
        screenshot("reset-password-weak");

        input("New password").clear();
        input("New password").sendKeys(NEW_PASSWORD);
        input("Type it again").clear();
        input("Type it again").sendKeys(NEW_PASSWORD);
        click(button("Set password"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "Your new password is set."));
        screenshot("reset-password-done");
        assertThat(sessionEnder.requestsFor(userId(clinic.therapistEmail)))
                .containsExactly(new RecordingSessionEnder.Request(userId(clinic.therapistEmail), null));

        signInFresh(clinic.therapistEmail, NEW_PASSWORD);

        // The same link, once more: used up, and it says so.
        browser.manage().deleteAllCookies();
        browser.get(link);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"),
                "This link has already been used"));
        assertThat(browser.findElements(By.xpath("//vaadin-button[normalize-space(.)='Set password']"))).isEmpty();
        screenshot("reset-password-used");
    }

    private void signInFresh(String email, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        signIn(email, password);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));
    }

    private WebElement input(String label) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-password-field[.//label[normalize-space(.)='" + label + "']]//input")));
    }

    /** The message shown next to a field, once the server has put one there. */
    private String errorOf(String label) {
        By message = By.xpath("//vaadin-password-field[.//label[normalize-space(.)='" + label + "']]"
                + "//*[@slot='error-message']");
        wait.until(d -> !d.findElement(message).getText().isBlank());
        return browser.findElement(message).getText();
    }


    private String hashOf(String email) {
        return jdbc.sql("select password_hash from app_user where email = :e").param("e", email)
                .query(String.class).single();
    }

    private int resetRows(String email) {
        return jdbc.sql("select count(*) from password_reset r join app_user u on u.id = r.user_id where u.email = :e")
                .param("e", email).query(Integer.class).single();
    }

    private UserId userId(String email) {
        return new UserId(jdbc.sql("select id from app_user where email = :e").param("e", email)
                .query(UUID.class).single());
    }
}
