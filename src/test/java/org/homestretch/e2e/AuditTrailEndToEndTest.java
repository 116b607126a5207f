package org.homestretch.e2e;

import org.homestretch.catalog.CatalogService;
import org.homestretch.checkin.AccessService;
import org.homestretch.patient.PatientId;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.security.TwoFactorService;
import org.homestretch.support.AuthenticatorApp;
import org.homestretch.support.MutableClock;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homestretch.e2e.SignInClient.location;

/**
 * The audit entries written where no staff member is signed in yet (or any more), through the real
 * security chain over HTTP: staff sign-in, failure, lockout, sign-out and automatic logoff; the
 * patient's sign-in by link and by code and their undo. Each action once adds exactly one entry
 * with the right actor, actor kind, patient, action and client address.
 */
class AuditTrailEndToEndTest extends EndToEndTest {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"");

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
    AccessService access;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    record Entry(String action, UUID actor, String kind, UUID patient, String detail, String address) {
    }

    @AfterEach
    void realTime() {
        clock.reset();
        TestSignIn.out();
    }

    @Test
    void a_wrong_password_a_right_one_and_signing_out_are_recorded_for_the_account_never_with_what_was_typed()
            throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        UUID therapist = userId(clinic.therapistEmail);
        SignInClient client = new SignInClient(url(""), "198.51.100.21");

        List<Entry> failed = added(clinic, () -> client.signIn(clinic.therapistEmail, "secret-typo-4711"));
        assertThat(failed).containsExactly(new Entry("SIGN_IN_FAILED", therapist, "STAFF", null, "wrong password",
                "198.51.100.21"));

        List<Entry> signedIn = added(clinic, () -> assertThat(location(client.signIn(clinic.therapistEmail,
                TestAccounts.PASSWORD))).doesNotContain("/login"));
        assertThat(signedIn).containsExactly(new Entry("SIGN_IN_SUCCEEDED", therapist, "STAFF", null, "password",
                "198.51.100.21"));
        assertThat(client.isSignedIn()).isTrue();

        List<Entry> signedOut = added(clinic, () -> {
            Map<String, String> csrf = SignInClient.csrfFields(client.get("/patients").body());
            HttpResponse<String> out = client.post("/logout", Map.of(csrf.get("_csrf_parameter"), csrf.get("_csrf")));
            assertThat(out.statusCode()).isEqualTo(302);
        });
        assertThat(signedOut).containsExactly(new Entry("SIGNED_OUT", therapist, "STAFF", null, "", "198.51.100.21"));
        assertThat(client.isSignedIn()).isFalse();

        // Neither what was typed nor the email is kept anywhere in the trail.
        assertThat(jdbc.sql("select count(*) from audit_entry where detail like '%secret-typo%' or detail like ? "
                + "or detail like '%@%'").param("%" + clinic.therapistEmail + "%").query(Long.class).single()).isZero();
    }

    @Test
    void signing_out_from_the_user_menu_is_recorded_too() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        signIn(clinic.therapistEmail, TestAccounts.PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hs-clinic-name")));

        List<Entry> signedOut = added(clinic, () -> {
            browser.findElement(By.cssSelector(".hs-user-menu vaadin-menu-bar-button")).click();
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//vaadin-menu-bar-item[contains(., 'Log out')]"))).click();
            wait.until(ExpectedConditions.urlContains("/login"));
        });
        assertThat(signedOut).hasSize(1);
        Entry entry = signedOut.getFirst();
        assertThat(entry).extracting(Entry::action, Entry::actor, Entry::kind, Entry::patient)
                .containsExactly("SIGNED_OUT", userId(clinic.therapistEmail), "STAFF", null);
        assertThat(entry.address()).isNotBlank();
    }

    @Test
    void an_email_without_an_account_belongs_to_no_clinic_and_is_in_no_chain() throws Exception {
        String address = "198.51.100.22";
        long before = jdbc.sql("select count(*) from audit_entry where client_address = ?").param(address)
                .query(Long.class).single();
        new SignInClient(url(""), address).signIn("nobody-" + UUID.randomUUID() + "@example.org", "whatever");
        assertThat(jdbc.sql("select count(*) from audit_entry where client_address = ?").param(address)
                .query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void the_seventh_failure_is_the_lockout_and_a_try_while_locked_is_a_failure() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        UUID therapist = userId(clinic.therapistEmail);
        // Each from its own address: the per-address wait must not refuse an attempt before it is checked.
        for (int i = 1; i <= 6; i++) {
            String address = "203.0.113." + (10 + i);
            assertThat(added(clinic, () -> new SignInClient(url(""), address).signIn(clinic.therapistEmail, "wrong")))
                    .containsExactly(new Entry("SIGN_IN_FAILED", therapist, "STAFF", null, "wrong password", address));
        }
        assertThat(added(clinic, () -> new SignInClient(url(""), "203.0.113.17").signIn(clinic.therapistEmail, "wrong")))
                .containsExactly(new Entry("SIGN_IN_LOCKED_OUT", therapist, "STAFF", null, "after 7 failed sign-ins",
                        "203.0.113.17"));
        SignInClient rightPassword = new SignInClient(url(""), "203.0.113.18");
        assertThat(added(clinic, () -> rightPassword.signIn(clinic.therapistEmail, TestAccounts.PASSWORD)))
                .containsExactly(new Entry("SIGN_IN_FAILED", therapist, "STAFF", null, "account locked", "203.0.113.18"));
        assertThat(rightPassword.isSignedIn()).isFalse();
    }

    @Test
    void with_two_factor_sign_in_is_recorded_once_after_the_password_and_says_a_code_is_next() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        TestSignIn.as(users, clinic.therapistEmail);
        twoFactor.confirmEnrolment(AuthenticatorApp.code(twoFactor.startEnrolment().secret(), clock.instant()));
        TestSignIn.out();

        SignInClient client = new SignInClient(url(""), "198.51.100.23");
        assertThat(added(clinic, () -> client.signIn(clinic.therapistEmail, TestAccounts.PASSWORD)))
                .containsExactly(new Entry("SIGN_IN_SUCCEEDED", userId(clinic.therapistEmail), "STAFF", null,
                        "password, code next", "198.51.100.23"));
    }

    @Test
    void automatic_logoff_is_recorded_once_by_the_request_that_finds_the_session_idle() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        SignInClient client = new SignInClient(url(""), "198.51.100.24");
        client.signIn(clinic.therapistEmail, TestAccounts.PASSWORD);
        Instant start = Instant.now();
        clock.set(start);
        assertThat(client.get("/patients").statusCode()).isEqualTo(200);

        clock.set(start.plus(Duration.ofMinutes(15)));
        assertThat(added(clinic, () -> assertThat(location(client.get("/patients"))).endsWith("/login")))
                .containsExactly(new Entry("SIGNED_OUT_IDLE", userId(clinic.therapistEmail), "STAFF", null,
                        "after 15 minutes without activity", "198.51.100.24"));
        // The session is gone: later requests find nothing to log off.
        assertThat(added(clinic, () -> client.get("/patients"))).isEmpty();
    }

    @Test
    void the_patient_signs_in_by_link_and_by_code_and_undoes_a_check_in_as_themselves() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        UUID patient = UUID.fromString(StaffSessions.publishedProgram(clinic, users, patients, programs, catalog).patientId());
        TestSignIn.as(users, clinic.therapistEmail);
        AccessService.AccessInfo info = access.ensure(new PatientId(patient)).orElseThrow();
        TestSignIn.out();
        Phone phone = new Phone("192.0.2.31");

        String[] cookie = new String[1];
        assertThat(added(clinic, () -> cookie[0] = phone.cookieOf(phone.get(URI.create(info.link()).getPath(), null))))
                .containsExactly(new Entry("PATIENT_SIGNED_IN_BY_LINK", patient, "PATIENT", patient, "", "192.0.2.31"));

        assertThat(added(clinic, () -> assertThat(phone.post("/p", null, Map.of("code", "ACDE-3467")).statusCode())
                .isEqualTo(422))).isEmpty();
        assertThat(added(clinic, () -> phone.cookieOf(phone.post("/p", null, Map.of("code", info.code())))))
                .containsExactly(new Entry("PATIENT_SIGNED_IN_BY_CODE", patient, "PATIENT", patient, "", "192.0.2.31"));

        String day = phone.get("/p/today", cookie[0]).body();
        Map<String, String> form = hiddenFields(day.substring(day.indexOf("class=\"checkin\"")));
        HttpResponse<String> saved = phone.post("/p/checkin", cookie[0], form);
        String after = phone.get(URI.create(location(saved)).getRawPath() + "?" + URI.create(location(saved)).getRawQuery(),
                cookie[0]).body();
        Matcher undo = Pattern.compile("name=\"id\" value=\"([^\"]+)\"").matcher(after);
        assertThat(undo.find()).isTrue();
        Map<String, String> undoForm = Map.of("id", undo.group(1), "day", form.get("day"));
        assertThat(added(clinic, () -> assertThat(location(phone.post("/p/undo", cookie[0], undoForm))).contains("undone=1")))
                .containsExactly(new Entry("CHECKIN_WITHDRAWN", patient, "PATIENT", patient, "undone", "192.0.2.31"));
        // Nothing left to undo: nothing recorded.
        assertThat(added(clinic, () -> phone.post("/p/undo", cookie[0], undoForm))).isEmpty();
    }

    interface Action {
        void run() throws Exception;
    }

    /** Runs the action and returns the entries it added to the clinic's chain, in order. */
    private List<Entry> added(TestAccounts clinic, Action action) throws Exception {
        long before = jdbc.sql("select count(*) from audit_entry where clinic_id = ?").param(clinic.clinicId.value())
                .query(Long.class).single();
        action.run();
        return jdbc.sql("select action, actor_id, actor_kind, patient_id, detail, client_address from audit_entry "
                        + "where clinic_id = ? and sequence_no > ? order by sequence_no")
                .params(clinic.clinicId.value(), before)
                .query((rs, i) -> new Entry(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6))).list();
    }

    private UUID userId(String email) {
        return jdbc.sql("select id from app_user where lower(email) = ?").param(email).query(UUID.class).single();
    }

    private static Map<String, String> hiddenFields(String html) {
        String form = html.substring(0, html.indexOf("</form>"));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(form);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }

    /** The patient's phone: same-site form posts, through a trusted proxy that names its address. */
    private final class Phone {

        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final String address;

        Phone(String address) {
            this.address = address;
        }

        HttpResponse<String> get(String path, String cookie) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET().header("X-Forwarded-For", address);
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String cookie, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", url(""))
                    .header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString(body));
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        String cookieOf(HttpResponse<String> response) {
            String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
            return setCookie.substring(0, setCookie.indexOf(';'));
        }
    }
}
