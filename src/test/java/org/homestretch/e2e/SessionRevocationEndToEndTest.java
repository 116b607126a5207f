package org.homestretch.e2e;

import org.apache.catalina.Session;
import org.homestretch.catalog.CatalogService;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.security.AccountRoles;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.security.Role;
import org.homestretch.security.SessionRevocation;
import org.homestretch.security.SignedInUser;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Disabling an account, changing its role, resetting or changing its password, and logging out
 * end the person's live sessions at once: the next request of each is refused, whatever it is
 * (a click in an open tab, Vaadin's heartbeat, a PDF download), and the login page says why.
 */
class SessionRevocationEndToEndTest extends EndToEndTest {

    @Autowired
    org.homestretch.security.PasswordService passwords;

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    UserDetailsService users;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;
    @Autowired
    AccountRoles roles;
    @Autowired
    SessionRevocation revocation;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void disabling_a_therapist_ends_their_open_tab_and_every_other_session_at_once() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        StaffSessions.Published program = StaffSessions.publishedProgram(clinic, users, patients, programs, catalog);
        StaffSessions http = new StaffSessions(port);
        String pdf = "/handouts/" + program.versionId() + ".pdf";
        // A second session of the therapist (another computer), then the tab they work in.
        String elsewhere = signInFresh(clinic.therapistEmail);
        String tab = signInFresh(clinic.therapistEmail);
        browser.get(url("/patients/" + program.patientId() + "/program"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//a[starts-with(normalize-space(.), 'Print handout')]")));
        assertThat(http.get(pdf, elsewhere).statusCode()).isEqualTo(200);
        assertThat(tab).isNotEqualTo(elsewhere);

        // The admin disables the account from Settings → Users, in their own browser.
        ChromeDriver admin = BrowserSupport.startChromium();
        try {
            WebDriverWait adminWait = waitFor(admin);
            admin.get(url("/login"));
            signIn(admin, adminWait, clinic.adminEmail, TestAccounts.PASSWORD);
            admin.get(url("/settings/users"));
            adminWait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("vaadin-button[aria-label='Disable Theo Therapist']"))).click();
            adminWait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("vaadin-button[aria-label='Enable Theo Therapist']")));
        } finally {
            admin.quit();
        }

        // The open tab: the next click lands on the login page, which says why without details.
        browser.findElement(By.xpath("//vaadin-side-nav-item[contains(., 'Patients')]")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".hs-signed-out"),
                "You were signed out because an admin changed your account."));
        screenshot("signed-out-account-changed");
        assertThat(browser.findElement(By.cssSelector(".hs-signed-out")).getText()).doesNotContain("disabled");

        // The handout PDF with either old session cookie: 3 of 3 requests each, all sent to the login page.
        // The other session's first request after the change is among them.
        for (String session : new String[]{elsewhere, tab}) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> answer = http.get(pdf, session);
                assertThat(answer.statusCode()).as("request " + (i + 1)).isEqualTo(302);
                assertThat(answer.headers().firstValue("Location")).as("request " + (i + 1)).hasValue(url("/login"));
                assertThat(answer.body()).doesNotContain("%PDF");
            }
        }
    }

    @Test
    void a_role_change_ends_the_persons_sessions_and_vaadins_heartbeat_no_longer_works() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        StaffSessions http = new StaffSessions(port);
        String session = signInFresh(clinic.therapistEmail);
        int uiId = openUiId();
        assertThat(http.heartbeat(session, uiId).statusCode()).isEqualTo(200);

        TestSignIn.as(users, clinic.adminEmail);
        try {
            roles.changeRole(userId(clinic.therapistEmail), Role.ADMIN);
        } finally {
            TestSignIn.out();
        }

        HttpResponse<String> heartbeat = http.heartbeat(session, uiId);
        // Vaadin's answer for a session that has ended: its client then reloads into the login page.
        assertThat(heartbeat.statusCode()).isEqualTo(403);
        assertThat(StaffSessions.signedOutReason(heartbeat)).hasValue("ACCOUNT_CHANGED.15");
        assertThat(http.get("/patients", session).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select role from app_user where lower(email) = ?").param(clinic.therapistEmail)
                .query(String.class).single()).isEqualTo("ADMIN");
    }

    @Test
    void logging_out_ends_the_accounts_sessions_everywhere() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        StaffSessions http = new StaffSessions(port);
        String elsewhere = signInFresh(clinic.therapistEmail);
        signInFresh(clinic.therapistEmail);
        assertThat(http.get("/patients", elsewhere).statusCode()).isEqualTo(200);

        browser.findElement(By.cssSelector(".hs-user-menu vaadin-menu-bar-button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-menu-bar-item[contains(., 'Log out')]"))).click();
        wait.until(ExpectedConditions.urlContains("/login"));

        HttpResponse<String> answer = http.get("/patients", elsewhere);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(StaffSessions.signedOutReason(answer)).hasValue("SIGNED_OUT.15");
    }

    @Test
    void a_password_reset_ends_every_session_and_a_password_change_keeps_only_the_one_that_made_it() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        StaffSessions http = new StaffSessions(port);
        ServerSessions server = new ServerSessions(context);
        String other = signInFresh(clinic.therapistEmail);
        String changing = signInFresh(clinic.therapistEmail);

        // The therapist changes their own password in the session `changing`.
        Session session = server.find(changing).orElseThrow();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session.getSession());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        TestSignIn.as(users, clinic.therapistEmail);
        try {
            passwords.changeOwnPassword(TestAccounts.PASSWORD, "violet kettle marching slowly", session.getId());
        } finally {
            TestSignIn.out();
            RequestContextHolder.resetRequestAttributes();
        }
        assertThat(http.get("/patients", changing).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = http.get("/patients", other);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(StaffSessions.signedOutReason(refused)).hasValue("PASSWORD_CHANGED.15");

        // An admin issues a reset link and the therapist uses it: every session ends, the one above too.
        TestSignIn.as(users, clinic.adminEmail);
        String token;
        try {
            String link = passwords.issueResetLink(userId(clinic.therapistEmail)).url();
            token = link.substring(link.indexOf("token=") + "token=".length());
        } finally {
            TestSignIn.out();
        }
        passwords.resetPassword(token, "amber lantern drifting north");
        HttpResponse<String> afterReset = http.get("/patients", changing);
        assertThat(afterReset.statusCode()).isEqualTo(302);
        assertThat(StaffSessions.signedOutReason(afterReset)).hasValue("ACCOUNT_CHANGED.15");
    }

    @Test
    void a_session_not_yet_checked_whose_account_changed_meanwhile_is_refused() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        StaffSessions http = new StaffSessions(port);
        ServerSessions server = new ServerSessions(context);
        String session = signInFresh(clinic.therapistEmail);
        // As just after the sign-in form was checked: signed in, but not yet marked with the epoch.
        server.find(session).orElseThrow().getSession().removeAttribute("org.homestretch.security.SessionMark");
        assertThat(http.get("/patients", session).statusCode()).isEqualTo(200);

        server.find(session).orElseThrow().getSession().removeAttribute("org.homestretch.security.SessionMark");
        jdbc.sql("update app_user set role = 'ADMIN' where lower(email) = ?").param(clinic.therapistEmail).update();
        HttpResponse<String> refused = http.get("/patients", session);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(StaffSessions.signedOutReason(refused)).hasValueSatisfying(r -> assertThat(r).startsWith("ACCOUNT_CHANGED"));
    }

    /** Signs in afresh in the test browser and returns the new session's id; the old session lives on. */
    private String signInFresh(String email) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        signIn(email, TestAccounts.PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));
        return browser.manage().getCookieNamed("JSESSIONID").getValue();
    }

    /** The id of the Vaadin UI of the page open in the test browser. */
    private int openUiId() {
        Object id = ((JavascriptExecutor) browser).executeScript(
                "return Object.values(window.Vaadin.Flow.clients).find(c => c && c.getUIId).getUIId();");
        return ((Number) id).intValue();
    }

    private org.homestretch.security.UserId userId(String email) {
        return ((SignedInUser) users.loadUserByUsername(email)).userId();
    }

    private static WebDriverWait waitFor(WebDriver driver) {
        WebDriverWait driverWait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driverWait.ignoring(StaleElementReferenceException.class);
        return driverWait;
    }

    private static void signIn(WebDriver driver, WebDriverWait driverWait, String email, String password) {
        driverWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']"))).sendKeys(email);
        var passwordField = driver.findElement(By.cssSelector("input[name='password']"));
        passwordField.sendKeys(password);
        passwordField.sendKeys(Keys.ENTER);
        driverWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));
    }
}
