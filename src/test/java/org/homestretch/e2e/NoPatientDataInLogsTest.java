package org.homestretch.e2e;

import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;
import org.homestretch.checkin.AccessService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.program.ProgramVersion;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the main flows, and malformed input that makes things fail, while capturing every log
 * line and the console, then looks for each patient detail, comment, token, code, session id and
 * password used. Nothing of them may appear.
 */
class NoPatientDataInLogsTest extends EndToEndTest {

    // Distinctive, so that a hit cannot be a coincidence.
    static final String FIRST = "Zephyrine";
    static final String LAST = "Quillonbrook";
    static final String EMAIL = "zq.logcheck@example.org";
    static final String PHONE = "+1 555 0199 7342";
    static final String NOTES = "Knee pain since Vexmoor fall";
    static final String COMMENT = "Ankle felt Brindlewick-stiff";
    static final String COMMENT_TWO = "Skipped, Marrowgate visit";
    static final String WRONG_PASSWORD = "Wrong-Halvorsen-Pass-81";
    static final String WRONG_CODE = "HJKM-NPQR";

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
    org.springframework.context.ApplicationContext context;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final Map<String, String> secrets = new LinkedHashMap<>();

    @Test
    void no_patient_detail_token_code_session_or_password_reaches_the_log() throws Exception {
        List<String> lines;
        try (LogCapture capture = new LogCapture()) {
            driveTheMainFlowsAndBreakThings();
            lines = capture.lines();
        }
        String text = String.join("\n", lines);
        List<String> leaks = new ArrayList<>();
        secrets.forEach((what, secret) -> {
            for (String form : forms(secret)) {
                if (text.toLowerCase().contains(form.toLowerCase())) {
                    leaks.add(what + " (" + form.substring(0, Math.min(3, form.length())) + "\u2026, " + form.length()
                            + " chars) in: " + firstLineWith(lines, form));
                }
            }
        });
        System.out.printf("Log check: %d log lines captured, %d secrets searched, %d leaks found%n",
                lines.size(), secrets.size(), leaks.size());
        assertThat(lines).as("the flows must have logged something, or the capture is not working").isNotEmpty();
        assertThat(leaks).as("patient data, tokens or passwords in the log").isEmpty();
    }

    private void driveTheMainFlowsAndBreakThings() throws Exception {
        secrets.put("patient first name", FIRST);
        secrets.put("patient last name", LAST);
        secrets.put("patient email", EMAIL);
        secrets.put("patient phone", PHONE);
        secrets.put("patient phone digits", PHONE.replaceAll("\\D", ""));
        secrets.put("patient notes", NOTES);
        secrets.put("check-in comment", COMMENT);
        secrets.put("second check-in comment", COMMENT_TWO);
        secrets.put("staff password", PASSWORD);
        secrets.put("wrong staff password", WRONG_PASSWORD);
        secrets.put("wrong access code", WRONG_CODE);

        // Staff sign-in over HTTP: a wrong password first, then the right one.
        SignInClient staff = new SignInClient(url(""), "198.51.100.61");
        assertThat(SignInClient.location(staff.signIn(THERAPIST, WRONG_PASSWORD))).contains("/login?error");
        assertThat(SignInClient.location(staff.signIn(THERAPIST, PASSWORD))).doesNotContain("error");
        secrets.put("staff session id", staff.cookie("JSESSIONID"));

        // A patient, a program, access: through the services the views call, as the therapist.
        Patient patient;
        ProgramVersion version;
        AccessService.AccessInfo info;
        TestSignIn.as(users, THERAPIST);
        try {
            patient = patients.create(new PatientDetails(FIRST, LAST, LocalDate.of(1961, 3, 14), EMAIL, PHONE, "en", null, NOTES));
            // Three times a day, so that one day holds every check-in the test sends.
            version = programs.publish(patient.id(), 0, List.of(programs.newItem(catalog.find("bridge").orElseThrow().id())
                    .withDosage(new Dosage(2, 10, 5, Sides.BOTH_TOGETHER, 6, 7))));
            info = access.ensure(patient.id()).orElseThrow();
        } finally {
            TestSignIn.out();
        }
        String token = info.link().substring(info.link().lastIndexOf('/') + 1);
        secrets.put("access token", token);
        secrets.put("access code", info.code());
        secrets.put("access code without dash", info.code().replace("-", ""));
        String id = patient.id().value().toString();

        // The handout, printed with the paper log, over HTTP with the staff session.
        HttpResponse<String> handout = staff.get("/handouts/" + version.id().value() + ".pdf?log=true");
        assertThat(handout.statusCode()).isEqualTo(200);

        // The therapist's pages in Chromium: the record, program, check-ins, adherence, and a bad id.
        signInAsTherapist();
        for (String page : List.of("/patients/" + id, "/patients/" + id + "/program", "/patients/" + id + "/checkins",
                "/patients/" + id + "/adherence")) {
            browser.get(url(page));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[contains(., '" + LAST + "')]")));
        }
        browser.get(url("/patients/" + FIRST + "/program"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h2[normalize-space(.)='Page not found']")));

        // The patient: by link, by a wrong code, by the code; two check-ins with comments.
        String byLink = patientCookie(get("/p/" + token, null));
        secrets.put("patient session from the link", byLink.substring(byLink.indexOf('=') + 1));
        assertThat(post("/p", null, "code=" + WRONG_CODE).statusCode()).isEqualTo(422);
        String byCode = patientCookie(post("/p", null, "code=" + info.code()));
        secrets.put("patient session from the code", byCode.substring(byCode.indexOf('=') + 1));
        Map<String, String> done = hiddenFields(get("/p/today", byLink).body(), "checkin");
        done.put("comment", COMMENT);
        done.put("pain", "3");
        assertThat(post("/p/checkin", byLink, encode(done)).statusCode()).isEqualTo(302);
        Map<String, String> skipped = hiddenFields(get("/p/today", byCode).body(), "skip");
        skipped.put("reason", "OTHER");
        skipped.put("comment", COMMENT_TWO);
        assertThat(post("/p/checkin", byCode, encode(skipped)).statusCode()).isEqualTo(302);

        // Reminders: the page, the file, a calendar link read by a calendar app (no cookie), a bad
        // time, the check-ins page showing the link, then the therapist turning it off.
        assertThat(get("/p/remind", byLink).statusCode()).isEqualTo(200);
        assertThat(get("/p/remind/calendar.ics?at=07:30", byLink).statusCode()).isEqualTo(200);
        assertThat(get("/p/remind/calendar.ics?at=" + LAST, byLink).statusCode()).isEqualTo(422);
        assertThat(post("/p/remind/link", byLink, "at=07:30").statusCode()).isEqualTo(302);
        java.util.regex.Matcher calendar = java.util.regex.Pattern.compile("/p/calendar/([A-Za-z0-9_-]{43})\\.ics")
                .matcher(get("/p/remind", byLink).body());
        assertThat(calendar.find()).isTrue();
        String calendarToken = calendar.group(1);
        secrets.put("calendar token", calendarToken);
        assertThat(get("/p/calendar/" + calendarToken + ".ics", null).statusCode()).isEqualTo(200);
        browser.get(url("/patients/" + id + "/checkins"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[contains(., 'Link made')]")));
        TestSignIn.as(users, THERAPIST);
        try {
            // What "Turn off calendar link" calls (package-private, hence by name).
            Object reminders = context.getBean(Class.forName("org.homestretch.checkin.Reminders"));
            assertThat(reminders.getClass().getMethod("revoke", patient.id().getClass()).invoke(reminders, patient.id()))
                    .isEqualTo(true);
        } finally {
            TestSignIn.out();
        }
        assertThat(get("/p/calendar/" + calendarToken + ".ics", null).statusCode()).isEqualTo(404);
        assertThat(get("/p/calendar/" + LAST + calendarToken.substring(0, 10) + ".ics", null).statusCode()).isEqualTo(404);
        assertThat(get("/p/calendar/%C3%28" + FIRST + ".ics", null).statusCode()).isIn(400, 404);

        // Exports, as the therapist.
        TestSignIn.as(users, THERAPIST);
        try {
            // The service the adherence page's download buttons call (package-private, hence by name).
            Object adherence = context.getBean(Class.forName("org.homestretch.adherence.AdherenceService"));
            for (String export : List.of("csv", "report")) {
                var method = adherence.getClass().getMethod(export, patient.id().getClass());
                method.setAccessible(true);
                assertThat((java.util.Optional<?>) method.invoke(adherence, patient.id())).as(export).isPresent();
            }
        } finally {
            TestSignIn.out();
        }

        // Malformed input: invalid UTF-8 (raw and percent-encoded), NUL bytes, over-long values.
        String form = encode(hiddenFields(get("/p/today", byLink).body(), "checkin")) + "&pain=2&comment=";
        byte[] name = (FIRST + " " + LAST).getBytes(StandardCharsets.UTF_8);
        byte[] invalid = {(byte) 0xC3, 0x28, (byte) 0xFF};
        assertThat(postBytes("/p/checkin", byLink, bytes(form, name, invalid, name)).statusCode()).isEqualTo(400);
        assertThat(post("/p/checkin", byLink, form + URLEncoder.encode(FIRST, StandardCharsets.UTF_8) + "%C3%28%FF" + LAST)
                .statusCode()).isEqualTo(400);
        // A NUL byte in the note is refused with a message next to the note (base.UserText).
        assertThat(post("/p/checkin", byLink, form + URLEncoder.encode(COMMENT, StandardCharsets.UTF_8) + "%00" + LAST)
                .statusCode()).isEqualTo(422);
        assertThat(postBytes("/login", null, bytes("username=", name, invalid, "&password=".getBytes(StandardCharsets.UTF_8),
                PASSWORD.getBytes(StandardCharsets.UTF_8), invalid)).statusCode()).isEqualTo(400);
        post("/p/checkin", byLink, form + URLEncoder.encode((COMMENT + " ").repeat(400), StandardCharsets.UTF_8));
        post("/p/checkin", byLink, form.replaceFirst("pain=2", "pain=" + LAST));
        post("/p/checkin", byLink, form.replaceFirst("day=[^&]*", "day=" + FIRST) + "x");
        post("/p/checkin", byLink, form.replaceFirst("day=[^&]*", "day=2026-02-30") + "x");
        post("/p/checkin", byLink, form.replaceFirst("session=[^&]*", "session=" + LAST) + "x");
        postBytes("/p", null, bytes("code=", name, new byte[]{(byte) 0xC3, 0x28, 0}, name));
        post("/p", null, "code=" + (LAST + "%00").repeat(300));
        post("/p/undo", byLink, "id=" + FIRST + "&day=" + LAST);
        // Bad ids and dates in addresses.
        get("/p/" + LAST + "-" + token.substring(0, 10), null);
        get("/p/today?day=2026-02-30", byLink);
        get("/p/today?day=" + FIRST + "&entry=" + LAST, byLink);
        get("/p/today?day=%C3%28" + LAST, byLink);
        get("/p/%C3%28" + FIRST, null);
        staff.get("/handouts/" + LAST + ".pdf");
        staff.get("/handouts/" + version.id().value() + ".pdf?largePrint=" + FIRST + "&log=" + LAST);
        staff.get("/patients/" + EMAIL + "/checkins");
        staff.get("/patients?q=%C3%28" + LAST);
        // Signing out, the patient and the staff member.
        post("/p/leave", byLink, "");
    }

    /** The secret as written, and as a log could hold it after encoding. */
    private static List<String> forms(String secret) {
        List<String> forms = new ArrayList<>(List.of(secret,
                URLEncoder.encode(secret, StandardCharsets.UTF_8),
                Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)).replace("=", ""),
                HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8))));
        return forms.stream().distinct().filter(f -> f.length() >= 6).toList();
    }

    private static String firstLineWith(List<String> lines, String form) {
        String line = lines.stream().filter(l -> l.toLowerCase().contains(form.toLowerCase())).findFirst().orElse("");
        String first = line.lines().findFirst().orElse("");
        // The logger and the start of the message, never the secret itself.
        int at = first.toLowerCase().indexOf(form.toLowerCase());
        return (at >= 0 ? first.substring(0, at) + "[\u2026]" : first).substring(0, Math.min(160, at >= 0 ? at + 3 : first.length()));
    }

    private static String patientCookie(HttpResponse<String> response) {
        String setCookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("hs_patient=")).findFirst().orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static Map<String, String> hiddenFields(String html, String formClass) {
        String form = html.substring(html.indexOf("class=\"" + formClass + "\""));
        form = form.substring(0, form.indexOf("</form>"));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"").matcher(form);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static byte[] bytes(String start, byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(start.getBytes(StandardCharsets.UTF_8));
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String body) throws Exception {
        return postBytes(path, cookie, body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> postBytes(String path, String cookie, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
