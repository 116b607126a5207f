package org.homestretch.checkin;

import org.homestretch.catalog.CatalogService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.MutableClock;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The phone page over real HTTP, through the real security chain. */
// The same configuration as the browser tests, so that both share one running server.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "homestretch.public-url=http://localhost:${local.server.port:8080}")
@ActiveProfiles({"test", "demo"})
class PatientPageHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    AccessService access;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;
    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    UserDetailsService users;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    Patient maria;
    AccessService.AccessInfo info;

    @BeforeEach
    void patientWithHandout() {
        clock.set(CheckinTestSupport.START);
        TestSignIn.as(users, new TestAccounts(provisioning).therapistEmail);
        maria = CheckinTestSupport.patientWithProgram(patients, programs, catalog, "Maria", "Gonzalez");
        info = access.ensure(maria.id()).orElseThrow();
    }

    @AfterEach
    void signOutAndBackToRealTime() {
        TestSignIn.out();
        clock.reset();
    }

    @Test
    void the_link_sets_a_private_cookie_and_moves_to_an_address_without_the_token() throws Exception {
        HttpResponse<String> opened = get(path(info.link()), null);

        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/p/today").doesNotContain(token());
        String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("hs_patient=").contains("HttpOnly").contains("SameSite=Lax").contains("Path=/p");
        assertThat(opened.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(opened.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(opened.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("JSESSIONID");
    }

    @Test
    void the_page_greets_by_first_name_and_shows_nothing_else_about_the_patient() throws Exception {
        String cookie = openLink();
        HttpResponse<String> page = get("/p/today", cookie);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Hello <span>Maria</span>").contains("Knee to chest").contains("Bridge")
                .doesNotContain("Gonzalez");
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void a_session_is_checked_off_and_a_resend_of_the_same_form_counts_once() throws Exception {
        String cookie = openLink();
        Map<String, String> form = formOf(get("/p/today", cookie).body());
        form.put("pain", "3");

        HttpResponse<String> saved = post("/p/checkin", cookie, form);
        HttpResponse<String> resent = post("/p/checkin", cookie, form);

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).contains("saved=done");
        assertThat(resent.headers().firstValue("Location").orElseThrow()).contains("repeated=1");
        String page = get("/p/today", cookie).body();
        assertThat(page).contains("Done at 09:00 · pain 3 of 10");
        assertThat(page).contains("Undo my last entry");
    }

    @Test
    void a_warning_symptom_answers_with_stop_and_call_the_clinic() throws Exception {
        String cookie = openLink();
        String body = get("/p/today", cookie).body();
        assertThat(body).contains("red-flag-live");
        Map<String, String> form = formOf(body);
        form.put("symptom", "PAIN_DOWN_LEG");

        HttpResponse<String> saved = post("/p/checkin", cookie, form);
        String page = get(path(saved.headers().firstValue("Location").orElseThrow()), cookie).body();

        assertThat(page).contains("You told us about a warning sign").contains("Please stop the exercises now and call your clinic");
    }

    @Test
    void emergency_signs_are_asked_first_and_answer_with_the_emergency_number_of_the_clinics_country() throws Exception {
        jdbc.sql("update clinic set locale = 'en-US' where id = (select clinic_id from patient where id = :p)")
                .param("p", maria.id().value()).update();
        String cookie = openLink();
        String body = get("/p/today", cookie).body();
        assertThat(body.indexOf("Do you have any of these? Get help now.")).isPositive()
                .isLessThan(body.indexOf("Did you notice any of these?"));
        assertThat(body.indexOf("value=\"SADDLE_NUMBNESS\"")).isLessThan(body.indexOf("value=\"SHARP_PAIN\""));
        Map<String, String> form = formOf(body);
        form.put("symptom", "BLADDER_BOWEL");

        HttpResponse<String> saved = post("/p/checkin", cookie, form);
        String page = get(path(saved.headers().firstValue("Location").orElseThrow()), cookie).body()
                .replaceAll("\\s+", " ");

        assertThat(page).contains("You told us about an emergency sign.")
                .contains("Call <a href=\"tel:911\">911</a> or go to the emergency department now.")
                .doesNotContain("You told us about a warning sign");
        assertThat(jdbc.sql("select count(*) from checkin where patient_id = :p and 'BLADDER_BOWEL' = any(symptoms)")
                .param("p", maria.id().value()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void an_urgent_sign_gives_the_out_of_hours_line_when_the_clinic_has_one() throws Exception {
        jdbc.sql("update clinic set out_of_hours_phone = '0800 555 0199' where id = (select clinic_id from patient where id = :p)")
                .param("p", maria.id().value()).update();
        String cookie = openLink();
        Map<String, String> form = formOf(get("/p/today", cookie).body());
        form.put("symptom", "SHARP_PAIN");

        HttpResponse<String> saved = post("/p/checkin", cookie, form);
        String page = get(path(saved.headers().firstValue("Location").orElseThrow()), cookie).body()
                .replaceAll("\\s+", " ");

        assertThat(page).contains("You told us about a warning sign")
                .contains("When the clinic is closed, call <a href=\"tel:0800 555 0199\">0800 555 0199</a>.")
                .doesNotContain("You told us about an emergency sign");
    }

    @Test
    void a_refused_entry_shows_the_message_and_keeps_what_was_typed() throws Exception {
        String cookie = openLink();
        Map<String, String> form = formOf(get("/p/today", cookie).body());
        String longNote = "My back felt better today. ".repeat(20);
        form.put("comment", longNote);
        form.put("pain", "4");

        HttpResponse<String> refused = post("/p/checkin", cookie, form);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Please keep the note to 500 characters or fewer")
                .contains(longNote.strip()).contains("value=\"4\" checked");
    }

    @Test
    void posts_without_the_cookie_or_from_another_site_are_refused() throws Exception {
        String cookie = openLink();
        Map<String, String> form = formOf(get("/p/today", cookie).body());

        assertThat(post("/p/checkin", null, form).statusCode()).isEqualTo(403);
        HttpRequest crossSite = HttpRequest.newBuilder(URI.create(base() + "/p/checkin"))
                .header("Cookie", cookie).header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        assertThat(http.send(crossSite, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void an_unknown_link_says_so_and_offers_the_code() throws Exception {
        HttpResponse<String> gone = get("/p/" + "A".repeat(43), null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("This link does not work any more").contains("name=\"code\"");
        assertThat(get("/p/today", null).headers().firstValue("Location").orElseThrow()).endsWith("/p");
    }

    @Test
    void the_code_opens_the_page_and_wrong_codes_get_a_clear_message_then_a_wait() throws Exception {
        // Long ago, so that these failures from 127.0.0.1 have expired for every later test.
        clock.set(java.time.Instant.parse("2001-03-10T08:00:00Z"));
        HttpResponse<String> opened = post("/p", null, Map.of("code", info.code().toLowerCase()));
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly");

        HttpResponse<String> malformed = post("/p", null, Map.of("code", "hello"));
        assertThat(malformed.body()).contains("The code has 8 letters and numbers");
        HttpResponse<String> wrong = post("/p", null, Map.of("code", "AAAA-AAAA"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("This code does not work");
        for (int i = 0; i < 10; i++) {
            post("/p", null, Map.of("code", "CCCC-CCC" + AccessKeys.CODE_ALPHABET.charAt(i)));
        }
        HttpResponse<String> held = post("/p", null, Map.of("code", info.code()));
        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.body()).contains("Too many wrong codes. Please wait");
    }

    @Test
    void revoking_access_ends_an_open_phone_session() throws Exception {
        String cookie = openLink();
        access.reissue(maria.id());
        HttpResponse<String> after = get("/p/today", cookie);
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/p");
    }

    @Test
    void a_skipped_session_counts_as_recorded_and_the_page_moves_on_to_the_next_one() throws Exception {
        String cookie = openLink();
        Map<String, String> skip = skipFormOf(get("/p/today", cookie).body());
        assertThat(skip).containsEntry("session", "1");
        skip.put("reason", "FORGOT");

        HttpResponse<String> first = post("/p/checkin", cookie, skip);
        assertThat(first.headers().firstValue("Location").orElseThrow()).contains("saved=skip");
        String page = get(path(first.headers().firstValue("Location").orElseThrow()), cookie).body();
        assertThat(page).contains("Saved. Thank you for telling us.").contains("Not done: I forgot")
                .contains("Session 2 of 2");
        assertThat(formOf(page)).containsEntry("session", "2");
        Map<String, String> skipTwo = skipFormOf(page);
        assertThat(skipTwo).containsEntry("session", "2");
        skipTwo.put("reason", "NO_TIME");

        HttpResponse<String> second = post("/p/checkin", cookie, skipTwo);
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(second.headers().firstValue("Location").orElseThrow()).contains("saved=skip");
        assertThat(liveRows()).containsExactly("1 SKIPPED FORGOT", "2 SKIPPED NO_TIME");
        String done = get("/p/today", cookie).body();
        assertThat(done).contains("Nothing more to fill in for this day").contains("Not done: No time")
                .doesNotContain("class=\"checkin\"").doesNotContain("I could not do this session");
    }

    @Test
    void a_day_with_a_warning_sign_ends_with_stop_and_call_instead_of_well_done() throws Exception {
        String cookie = openLink();
        Map<String, String> first = formOf(get("/p/today", cookie).body());
        first.put("symptom", "NUMBNESS_TINGLING");
        assertThat(post("/p/checkin", cookie, first).headers().firstValue("Location").orElseThrow()).contains("saved=flag");
        // Later that day: the second session, nothing new to report.
        String later = get("/p/today", cookie).body();
        assertThat(later).contains("Today you told us about a warning sign.")
                .contains("Please stop the exercises now and call your clinic");
        Map<String, String> second = formOf(later);
        assertThat(second).containsEntry("session", "2");

        HttpResponse<String> saved = post("/p/checkin", cookie, second);
        String end = get(path(saved.headers().firstValue("Location").orElseThrow()), cookie).body();

        assertThat(liveRows()).containsExactly("1 DONE -", "2 DONE -");
        assertThat(end).doesNotContain("Well done").contains("Nothing more to fill in for this day")
                .contains("Please stop the exercises now and call your clinic");
    }

    @Test
    void signing_out_says_so_and_ends_the_phone_session() throws Exception {
        String cookie = openLink();
        String page = get("/p/today", cookie).body();
        assertThat(page).contains(">Sign out of this phone</button>")
                .contains("you will need the code or the QR code from your exercise sheet")
                .doesNotContain("Leave it on this phone");

        HttpResponse<String> out = post("/p/leave", cookie, Map.of());
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/p?out=1");
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("hs_patient=;").contains("Max-Age=0");
        assertThat(get("/p?out=1", null).body()).contains("You are signed out on this phone.");
        assertThat(get("/p/today", cookie).headers().firstValue("Location").orElseThrow()).endsWith("/p");
    }

    @Test
    void the_icons_are_public_and_no_request_of_the_phone_page_makes_a_server_session() throws Exception {
        List<HttpResponse<?>> answers = new ArrayList<>();
        HttpResponse<String> opened = get(path(info.link()), null);
        answers.add(opened);
        String setCookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<String> page = get("/p/today", cookie);
        answers.add(page);

        // Every file the page refers to, as the phone's browser asks for it (the cookie is only sent under /p).
        List<String> assets = referenced(page.body());
        assertThat(assets).contains("/favicon.ico", "/icon.svg", "/apple-touch-icon.png", "/patient.webmanifest");
        HttpResponse<String> manifest = get("/patient.webmanifest", null);
        Matcher icons = Pattern.compile("\"src\"\\s*:\\s*\"([^\"]+)\"").matcher(manifest.body());
        while (icons.find()) {
            assets.add(icons.group(1));
        }
        assertThat(assets).contains("/icon-192.png", "/icon-512.png");
        for (String asset : assets) {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(base() + asset)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).as(asset).isEqualTo(200);
            assertThat(answer.body()).as(asset).isNotEmpty();
            answers.add(answer);
        }
        HttpResponse<byte[]> favicon = http.send(HttpRequest.newBuilder(URI.create(base() + "/favicon.ico")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(favicon.body()).startsWith(0, 0, 1, 0);
        assertThat(favicon.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/");
        assertThat(manifest.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/manifest+json");

        // The page's own requests: a session done, its undo, a session not done, signing out, the code page.
        Map<String, String> form = formOf(page.body());
        HttpResponse<String> saved = post("/p/checkin", cookie, form);
        answers.add(saved);
        HttpResponse<String> after = get(path(saved.headers().firstValue("Location").orElseThrow()), cookie);
        answers.add(after);
        Matcher undo = Pattern.compile("name=\"id\" value=\"([^\"]+)\"").matcher(after.body());
        assertThat(undo.find()).isTrue();
        answers.add(post("/p/undo", cookie, Map.of("id", undo.group(1), "day", form.get("day"))));
        Map<String, String> skip = skipFormOf(get("/p/today", cookie).body());
        skip.put("reason", "OTHER");
        answers.add(post("/p/checkin", cookie, skip));
        answers.add(post("/p/leave", cookie, Map.of()));
        answers.add(get("/p", null));
        answers.add(post("/p", null, Map.of("code", info.code())));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.headers().allValues("Set-Cookie"))
                .as(answer.request().method() + " " + answer.uri().getPath())
                .noneMatch(c -> c.startsWith("JSESSIONID")));
        // Only those exact files are open: a neighbour still needs a signed-in user.
        assertThat(get("/icon-1024.png", null).headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/login"));
    }

    private String openLink() throws Exception {
        String setCookie = get(path(info.link()), null).headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private String token() {
        return info.link().substring(info.link().lastIndexOf('/') + 1);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String path(String url) {
        return URI.create(url).getRawPath() + (URI.create(url).getRawQuery() == null ? "" : "?" + URI.create(url).getRawQuery());
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, Map<String, String> form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base())
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The hidden fields of the "Session done" form, as a browser would send them. */
    private static Map<String, String> formOf(String html) {
        String form = html.substring(html.indexOf("class=\"checkin\""));
        form = form.substring(0, form.indexOf("</form>"));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"").matcher(form);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }

    /** The hidden fields of the "I could not do this session" form. */
    private static Map<String, String> skipFormOf(String html) {
        String form = html.substring(html.indexOf("class=\"skip\""));
        form = form.substring(0, form.indexOf("</form>"));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"").matcher(form);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }

    /** Same-site files the page loads or links to: icons, manifest, images, scripts. */
    private static List<String> referenced(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<(?:link|img|script|source|image)\\b[^>]*?\\b(?:href|src)=\"(/[^/\"][^\"]*)\"").matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The patient's live check-ins as "session status reason", in session order. */
    private List<String> liveRows() {
        return jdbc.sql("""
                        select session_number || ' ' || status || ' ' || coalesce(skip_reason, '-') from checkin
                        where patient_id = :p and withdrawn_at is null order by local_date, session_number""")
                .param("p", maria.id().value()).query(String.class).list();
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Test
    void walking_shows_its_minutes_not_a_count() throws Exception {
        TestSignIn.as(users, new TestAccounts(provisioning).therapistEmail);
        Patient walker = CheckinTestSupport.patientWithProgram(patients, programs, catalog, "Walter", "Stride");
        programs.publish(walker.id(), 1, List.of(programs.newItem(catalog.find("walking").orElseThrow().id())
                .withDosage(org.homestretch.catalog.Dosage.timed(20, 1, 5))));
        info = access.ensure(walker.id()).orElseThrow();
        String body = get("/p/today", openLink()).body();

        assertThat(body).contains("Walking").contains("Keep going for 20 minutes. Once a day. Five days a week.")
                .doesNotContain("Do this once");
    }
}
