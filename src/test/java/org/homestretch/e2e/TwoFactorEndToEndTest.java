package org.homestretch.e2e;

import org.homestretch.security.ClinicProvisioning;
import org.homestretch.security.TwoFactorService;
import org.homestretch.support.AuthenticatorApp;
import org.homestretch.support.MutableClock;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor sign-in in a real browser, through the real security chain: turning it on from the
 * user menu, signing in with a code made as a phone makes it, a recovery code that works once,
 * and a clinic that requires it. The app's clock is held still, so that each code is for a known
 * 30-second step, and moved on between codes: a code works only once.
 */
class TwoFactorEndToEndTest extends EndToEndTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    UserDetailsService users;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_therapist_turns_it_on_then_needs_a_code_after_the_password_and_a_recovery_code_works_once() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(Instant.now());
        signInFresh(clinic.therapistEmail);

        // 1. Turn it on from the user menu: QR code and key, a first code, then the recovery codes.
        openUserMenuItem("Two-factor sign-in");
        WebElement qr = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("img.hs-qr-code")));
        assertThat(qr.getDomAttribute("src")).startsWith("data:image/svg+xml;base64,");
        assertThat(qr.getSize().getWidth()).isGreaterThan(100);
        String key = browser.findElement(By.cssSelector(".hs-secret")).getText();
        assertThat(key).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        screenshot("two-factor-enrolment");

        textField("Code from the app").sendKeys("000000");
        click(button("Turn on two-factor sign-in"));
        assertThat(errorOf("Code from the app")).startsWith("That code is not right.");
        textField("Code from the app").clear();
        textField("Code from the app").sendKeys(AuthenticatorApp.code(key, clock.instant()));
        click(button("Turn on two-factor sign-in"));
        List<String> recovery = wait.until(d -> {
            List<String> codes = d.findElements(By.cssSelector(".hs-recovery-code-list li")).stream()
                    .map(WebElement::getText).toList();
            return codes.size() == 10 ? codes : null;
        });
        screenshot("two-factor-recovery-codes");
        click(button("I have kept them safe"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-dialog-overlay")));
        assertThat(jdbc.sql("select count(*) from two_factor t join app_user u on u.id = t.user_id "
                + "where u.email = :e and t.confirmed_at is not null").param("e", clinic.therapistEmail)
                .query(Integer.class).single()).isOne();
        // This session has just given a code: it carries on.
        browser.get(url("/patients"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));
        assertThat(browser.getCurrentUrl()).endsWith("/patients");

        // 2. A new sign-in: the password alone opens nothing but the code page.
        clock.advance(Duration.ofSeconds(30));
        browser.manage().deleteAllCookies();
        browser.get(url("/patients"));
        wait.until(ExpectedConditions.urlContains("/login"));
        signIn(clinic.therapistEmail, TestAccounts.PASSWORD);
        wait.until(ExpectedConditions.urlContains("/sign-in/code"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//vaadin-text-field[.//label[normalize-space(.)='Code']]")));
        screenshot("sign-in-code");
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        assertSentToCodePage("/patients", session);
        assertSentToCodePage("/settings/users", session);
        assertSentToCodePage("/handouts/" + UUID.randomUUID() + ".pdf", session);
        browser.get(url("/patients"));
        wait.until(ExpectedConditions.urlContains("/sign-in/code"));

        textField("Code").sendKeys("123456");
        click(button("Sign in"));
        assertThat(errorOf("Code")).startsWith("That code is not right.");
        screenshot("sign-in-code-wrong");
        textField("Code").clear();
        textField("Code").sendKeys(AuthenticatorApp.code(key, clock.instant()));
        click(button("Sign in"));
        // On to the page asked for before signing in.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));
        assertThat(browser.getCurrentUrl()).endsWith("/patients");
        assertThat(get("/patients", browser.manage().getCookieNamed("JSESSIONID").getValue()).statusCode()).isEqualTo(200);

        // 3. A recovery code instead of the phone: once...
        signInWithPassword(clinic.therapistEmail);
        textField("Code").sendKeys(recovery.get(0));
        click(button("Sign in"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"),
                "You signed in with a recovery code."));
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("You have 9 recovery codes left.");
        screenshot("sign-in-recovery-code");
        click(button("Continue"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));

        // ...and only once.
        signInWithPassword(clinic.therapistEmail);
        textField("Code").sendKeys(recovery.get(0));
        click(button("Sign in"));
        assertThat(errorOf("Code")).startsWith("That code is not right.");
        assertSentToCodePage("/patients", browser.manage().getCookieNamed("JSESSIONID").getValue());
        assertThat(jdbc.sql("select count(*) from recovery_code r join app_user u on u.id = r.user_id "
                + "where u.email = :e and r.used_at is not null").param("e", clinic.therapistEmail)
                .query(Integer.class).single()).isOne();
    }

    @Test
    void when_the_clinic_requires_it_a_user_without_it_sets_it_up_right_after_the_password() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        clock.set(Instant.now());
        // The admin has it on already (set up through the service, as the user menu would).
        TestSignIn.as(users, clinic.adminEmail);
        String adminKey = twoFactor.startEnrolment().secret();
        twoFactor.confirmEnrolment(AuthenticatorApp.code(adminKey, clock.instant()));
        TestSignIn.out();
        clock.advance(Duration.ofSeconds(30));

        signInWithPassword(clinic.adminEmail);
        textField("Code").sendKeys(AuthenticatorApp.code(adminKey, clock.instant()));
        click(button("Sign in"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));
        browser.get(url("/settings/clinic"));
        WebElement required = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-checkbox[contains(., 'Everyone signs in with a code')]")));
        click(required);
        wait.until(d -> jdbc.sql("select require_two_factor from clinic where id = :id")
                .param("id", clinic.clinicId.value()).query(Boolean.class).single());
        screenshot("clinic-requires-two-factor");

        // The therapist, who never set it up, is sent to do it and can open nothing else.
        signIn(clinic.therapistEmail, TestAccounts.PASSWORD, true);
        wait.until(ExpectedConditions.urlContains("/sign-in/two-factor-setup"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("img.hs-qr-code")));
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        assertSentToCodePage("/patients", session);
        browser.get(url("/patients"));
        wait.until(ExpectedConditions.urlContains("/sign-in/two-factor-setup"));
        String key = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-secret"))).getText();
        screenshot("two-factor-required-setup");
        textField("Code from the app").sendKeys(AuthenticatorApp.code(key, clock.instant()));
        click(button("Turn on two-factor sign-in"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".hs-recovery-code-list li"), 10));
        click(button("I have kept them safe"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));
        assertThat(browser.getCurrentUrl()).endsWith("/patients");
    }

    private void signInFresh(String email) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        signIn(email, TestAccounts.PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));
    }

    /** A new session: the password, then the code page. The clock moves on, so that a new code is due. */
    private void signInWithPassword(String email) {
        signIn(email, TestAccounts.PASSWORD, true);
        wait.until(ExpectedConditions.urlContains("/sign-in/code"));
    }

    private void signIn(String email, String password, boolean freshSession) {
        clock.advance(Duration.ofSeconds(30));
        if (freshSession) {
            browser.manage().deleteAllCookies();
        }
        browser.get(url("/login"));
        signIn(email, password);
    }

    private void assertSentToCodePage(String path, String session) throws Exception {
        HttpResponse<String> answer = get(path, session);
        assertThat(answer.statusCode()).as(path).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).as(path).hasValue(url("/sign-in/code"));
        assertThat(answer.body()).as(path).doesNotContain("hs-clinic-name");
    }

    private HttpResponse<String> get(String path, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Cookie", "JSESSIONID=" + session).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private WebElement textField(String label) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-text-field[.//label[normalize-space(.)='" + label + "']]//input")));
    }

    private String errorOf(String label) {
        By message = By.xpath("//vaadin-text-field[.//label[normalize-space(.)='" + label + "']]"
                + "//*[@slot='error-message']");
        wait.until(d -> !d.findElement(message).getText().isBlank());
        return browser.findElement(message).getText();
    }
}
