package org.homestretch.e2e;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Response headers on every kind of answer, and the content security policy in a real browser:
 * every view opens without a single policy violation, so the policy is as tight as it can be
 * without breaking a page.
 */
class SecurityHeadersTest extends EndToEndTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void login_a_view_the_patient_page_and_a_pdf_carry_the_security_headers() throws Exception {
        assertHeaders(get("/login", null, false), "/login");
        assertHeaders(get("/p", null, false), "/p");
        assertHeaders(get("/p/today", null, false), "/p/today");

        String session = signedInSessionCookie();
        assertHeaders(get("/patients", session, false), "/patients");
        String versionId = jdbc.sql("select v.id::text from program_version v join program p on p.id = v.program_id "
                + "where p.patient_id is not null and p.clinic_id = (select clinic_id from app_user where email = ?) "
                + "limit 1").param(THERAPIST).query(String.class).single();
        HttpResponse<String> pdf = get("/handouts/" + versionId + ".pdf", session, false);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertHeaders(pdf, "a handout PDF");
    }

    @Test
    void behind_a_tls_proxy_cookies_are_secure_and_hsts_is_sent_but_never_over_plain_http() throws Exception {
        HttpResponse<String> plain = get("/login", null, false);
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();

        HttpResponse<String> proxied = get("/login", null, true);
        assertThat(proxied.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000").contains("includeSubDomains"));
        assertThat(proxied.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .allSatisfy(c -> assertThat(c).contains("Secure").contains("HttpOnly"));
    }

    @Test
    void no_address_ever_carries_the_session_id() throws Exception {
        HttpResponse<String> anonymous = get("/patients", null, false);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).doesNotContainIgnoringCase("jsessionid");
        assertThat(get("/login", null, false).body()).doesNotContainIgnoringCase(";jsessionid");
    }

    @Test
    void vaadins_own_paths_do_not_skip_sign_in() throws Exception {
        for (String path : List.of("/VAADIN", "/VAADIN/", "/VAADIN/dynamic/", "/VAADIN/dynamic/resource/0/x/y",
                "/VAADIN/dynamic/generated-resources/0/x", "/VAADIN/../patients", "/VAADIN/%2e%2e/patients")) {
            HttpResponse<String> answer = get(path, null, false);
            assertThat(answer.statusCode()).as(path).isIn(302, 400, 403, 404);
            if (answer.statusCode() == 302) {
                assertThat(answer.headers().firstValue("Location")).as(path).hasValue(url("/login"));
            }
            assertThat(answer.body()).as(path).doesNotContain("Gonzalez").doesNotContain("hs-clinic-name");
            // Nor do they make a server session: each used to, when the redirect was remembered for after sign-in.
            assertThat(answer.headers().allValues("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("JSESSIONID="));
        }
    }

    @Test
    void every_view_opens_in_chromium_without_a_content_security_policy_violation() {
        Map<String, String> samples = samplePaths();
        browser.manage().deleteAllCookies();
        List<String> visited = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        browser.get(url("/login"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        // The detector itself: an image from another site must be reported as a violation.
        browser.executeScript("const i = document.createElement('img'); i.src = 'http://203.0.113.7/x.png';"
                + " document.body.appendChild(i);");
        List<String> probe = new ArrayList<>();
        wait.until(d -> {
            collectViolations("probe", probe);
            return !probe.isEmpty();
        });
        assertThat(probe).anySatisfy(v -> assertThat(v).contains("img-src"));
        collectViolations("/login", violations);
        signIn(ADMIN, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));
        for (RouteData route : RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(
                new VaadinServletContext(context.getServletContext()))).getAvailableRoutes()) {
            String template = route.getTemplate();
            String path = "/" + samples.entrySet().stream().reduce(template,
                    (t, sample) -> t.replace(sample.getKey(), sample.getValue()), (a, b) -> a);
            assertThat(path).as("route " + template + " needs a sample value in samplePaths()").doesNotContain(":");
            browser.get(url(path));
            wait.until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("return document.readyState")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main, vaadin-login-form, h2")));
            collectViolations(path, violations);
            visited.add(path);
        }
        assertThat(visited).contains("/", "/patients", "/catalog", "/settings/users");
        assertThat(violations).isEmpty();
    }

    /** One real value for each kind of route parameter, from the demo clinic. */
    private Map<String, String> samplePaths() {
        String patient = jdbc.sql("select p.patient_id::text from program p join patient pt on pt.id = p.patient_id "
                + "where pt.last_name = 'Gonzalez' and p.current_version > 0 limit 1").query(String.class).single();
        Map<String, String> samples = new TreeMap<>();
        samples.put(":patientId", patient);
        samples.put("patients/:___url_parameter", "patients/" + patient);
        samples.put("catalog/edit/:___url_parameter?", "catalog/edit");
        samples.put("catalog/:___url_parameter", "catalog/bridge");
        return samples;
    }

    private void collectViolations(String path, List<String> violations) {
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy")) {
                violations.add(path + ": " + entry.getMessage());
            }
        }
    }

    private static void assertHeaders(HttpResponse<String> answer, String what) {
        var headers = answer.headers();
        assertThat(headers.firstValue("Content-Security-Policy")).as(what)
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'")
                        .contains("default-src 'self'").contains("object-src 'none'"));
        assertThat(headers.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).as(what).isPresent();
    }

    private HttpResponse<String> get(String path, String session, boolean viaTlsProxy) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        if (viaTlsProxy) {
            request.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.9");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String signedInSessionCookie() {
        signInAsTherapist();
        Cookie cookie = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(cookie).isNotNull();
        return cookie.getValue();
    }
}
