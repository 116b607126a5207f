package org.homestretch.e2e;

import org.apache.catalina.Session;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous callers cannot fill the server's memory with sessions: Vaadin's own paths make none,
 * a protected page makes one only to return there after sign-in, and a session that never signs
 * in lives 5 minutes, not the 8 hours every session had before.
 */
class AnonymousSessionsTest extends EndToEndTest {

    private static final int SHORT = 5 * 60;
    private static final int REQUESTS = 200;

    @Autowired
    ApplicationContext context;
    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    JdbcClient jdbc;

    @Test
    void two_hundred_anonymous_requests_leave_no_long_lived_session() throws Exception {
        ServerSessions server = new ServerSessions(context);
        StaffSessions http = new StaffSessions(port);
        Set<String> before = ids(server.all());
        List<String> vaadinPaths = List.of("/VAADIN", "/VAADIN/", "/VAADIN/dynamic/resource/0/x/y",
                "/VAADIN/dynamic/generated-resources/0/x");
        Set<String> fromPages = new HashSet<>();

        for (int i = 0; i < REQUESTS; i++) {
            HttpResponse<String> page = http.get("/patients", null);
            assertThat(page.statusCode()).isEqualTo(302);
            ServerSessions.setCookie(page).ifPresent(fromPages::add);
            String vaadinPath = vaadinPaths.get(i % vaadinPaths.size());
            HttpResponse<String> vaadin = http.get(vaadinPath, null);
            assertThat(ServerSessions.setCookie(vaadin)).as(vaadinPath).isEmpty();
        }

        List<Session> made = server.all().stream().filter(s -> !before.contains(s.getIdInternal())).toList();
        // Only the protected page's requests made sessions, to return there after sign-in, and each ends soon.
        assertThat(ids(made)).isSubsetOf(fromPages);
        assertThat(made).hasSizeLessThanOrEqualTo(REQUESTS);
        assertThat(made).allSatisfy(s -> assertThat(s.getMaxInactiveInterval()).isEqualTo(SHORT));
        assertThat(made).noneMatch(s -> s.getMaxInactiveInterval() > SHORT);
    }

    @Test
    void the_login_page_is_the_apps_own_and_its_session_lives_five_minutes_until_sign_in() throws Exception {
        ServerSessions server = new ServerSessions(context);
        HttpResponse<String> login = new StaffSessions(port).get("/login", null);
        // Spring's plain generated page answered here for a while, without the app's form or notices.
        assertThat(login.body()).doesNotContain("Please sign in");

        TestAccounts clinic = new TestAccounts(provisioning);
        jdbc.sql("update clinic set idle_logoff_minutes = 30 where id = ?").param(clinic.clinicId.value()).update();
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        String anonymous = browser.manage().getCookieNamed("JSESSIONID").getValue();
        assertThat(server.find(anonymous).orElseThrow().getMaxInactiveInterval()).isEqualTo(SHORT);

        signIn(clinic.therapistEmail, TestAccounts.PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));
        String signedIn = browser.manage().getCookieNamed("JSESSIONID").getValue();
        // A new id at sign-in (no session fixation), living as long as the clinic's logoff time.
        assertThat(signedIn).isNotEqualTo(anonymous);
        assertThat(server.find(signedIn).orElseThrow().getMaxInactiveInterval()).isEqualTo(30 * 60);
    }

    private static Set<String> ids(List<Session> sessions) {
        return sessions.stream().map(Session::getIdInternal).collect(Collectors.toSet());
    }
}
