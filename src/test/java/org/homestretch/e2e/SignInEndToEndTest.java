package org.homestretch.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The running app, with demo data, driven by headless Chromium as a therapist would use it. */
class SignInEndToEndTest extends EndToEndTest {


    @Autowired
    JdbcClient jdbc;

    @Test
    void therapist_signs_in_sees_the_shell_and_logs_out() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
        screenshot("login");

        signIn(THERAPIST, PASSWORD);

        WebElement clinic = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));
        assertThat(clinic.getText()).isEqualTo("Riverside Physio (demo)");
        assertThat(browser.findElement(By.tagName("h2")).getText()).endsWith(", Sam");
        assertThat(browser.findElements(By.xpath("//vaadin-side-nav-item[contains(., 'Settings')]"))).isEmpty();
        screenshot("home-therapist");

        browser.findElement(By.cssSelector(".hs-user-menu vaadin-menu-bar-button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-menu-bar-item[contains(., 'Log out')]"))).click();

        wait.until(ExpectedConditions.urlContains("/login"));
        browser.get(url("/"));
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void a_wrong_password_shows_a_clear_message_on_the_login_page() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));

        signIn(THERAPIST, "not the password");

        wait.until(ExpectedConditions.urlContains("/login?error"));
        String message = wait.until(driver -> {
            // The message sits two shadow roots deep: login form, then its wrapper.
            Object text = ((JavascriptExecutor) driver).executeScript("""
                    const form = document.querySelector('vaadin-login-form');
                    const wrapper = form && form.shadowRoot && form.shadowRoot.querySelector('vaadin-login-form-wrapper');
                    const part = wrapper && wrapper.shadowRoot && wrapper.shadowRoot.querySelector('[part="error-message"]');
                    return part && part.offsetParent !== null ? part.innerText : null;""");
            return text == null || text.toString().isBlank() ? null : text.toString();
        });
        assertThat(message).contains("Email or password not recognised");
        screenshot("login-error");
    }

    @Test
    void after_a_wrong_password_the_email_is_still_there_and_only_the_password_needs_typing_again() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));

        signIn(THERAPIST, "not the password");

        wait.until(ExpectedConditions.urlContains("/login?error"));
        By username = By.cssSelector("input[name='username']");
        wait.until(ExpectedConditions.attributeToBe(username, "value", THERAPIST));
        // Personal data stays out of the address, the history and the server's access log.
        assertThat(browser.getCurrentUrl()).doesNotContain("therapist").doesNotContain("%40");
        screenshot("login-error-email-kept");

        WebElement password = browser.findElement(By.cssSelector("input[name='password']"));
        password.sendKeys(PASSWORD);
        password.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));
    }

    @Test
    void a_disabled_user_cannot_sign_in() {
        jdbc.sql("update app_user set enabled = false where email = :email").param("email", ADMIN).update();
        try {
            browser.manage().deleteAllCookies();
            browser.get(url("/login"));

            signIn(ADMIN, PASSWORD);

            wait.until(ExpectedConditions.urlContains("/login?error"));
            browser.get(url("/settings/users"));
            wait.until(ExpectedConditions.urlContains("/login"));
        } finally {
            jdbc.sql("update app_user set enabled = true where email = :email").param("email", ADMIN).update();
        }
    }

    @Test
    void admin_opens_settings_users() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        signIn(ADMIN, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));

        browser.findElement(By.xpath("//vaadin-side-nav-item[contains(., 'Settings')]")).click();

        wait.until(ExpectedConditions.urlContains("/settings/users"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-grid"), "Sam Patel"));
        screenshot("settings-users");
    }

    @Test
    void therapist_finds_a_stretch_by_another_name_as_they_type() throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        signIn(THERAPIST, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));

        browser.get(url("/catalog"));
        WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".hs-search input")));
        By count = By.cssSelector(".hs-result-count");
        wait.until(ExpectedConditions.textMatches(count, java.util.regex.Pattern.compile("\\d+ exercises")));
        String before = browser.findElement(count).getText();
        search.sendKeys("knee hug");

        wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(count, before)));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-grid"), "Knee to chest"));
        // The demo clinic's own copy is found too, beside the built-in one.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-grid"),
                "Knee to chest, gentle start"));
        screenshot("catalog-search");

        browser.findElement(By.xpath("//vaadin-grid-cell-content[.//span[text()='Knee to chest']]")).click();
        wait.until(ExpectedConditions.urlContains("/catalog/knee-to-chest"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".hs-steps"), "knee"));
        screenshot("exercise-detail");
    }

    @Test
    void health_endpoint_is_up_without_details_for_anonymous_callers() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");

        HttpResponse<String> other = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/actuator/env"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.body()).doesNotContain("spring.datasource");
    }



}
