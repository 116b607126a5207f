package org.homestretch.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;
import org.homestretch.checkin.AccessService;
import org.homestretch.checkin.Checkin;
import org.homestretch.checkin.CheckinService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.support.HostileCorpus;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.io.ByteArrayOutputStream;
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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input corpus through the patient's phone page over raw HTTP: every entry as the
 * note of a done and of a skipped session, plus bytes that are not UTF-8 and NUL in form bodies
 * and query strings. Nothing may fail on the server, each note is stored exactly or refused
 * next to its box, and no log line may hold what the patient typed.
 */
class HostileInputHttpTest extends EndToEndTest {

    private static final Pattern ENTRY = Pattern.compile("[?&]entry=([0-9a-f-]{36})");

    @Autowired
    AccessService access;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;
    @Autowired
    CheckinService checkins;
    @Autowired
    UserDetailsService users;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Patient patient;
    String cookie;

    @BeforeEach
    void patientWithProgramOnAPhone() throws Exception {
        logs.start();
        root().addAppender(logs);
        TestSignIn.as(users, THERAPIST);
        patient = patients.create(new PatientDetails("Hostile", "Input", null, "", "", "en", null, ""));
        programs.publish(patient.id(), 0, List.of(programs.newItem(catalog.find("bridge").orElseThrow().id())
                .withDosage(new Dosage(1, 10, 5, Sides.BOTH_TOGETHER, 1, 7))));
        String link = access.ensure(patient.id()).orElseThrow().link();
        String setCookie = send(get(URI.create(link).getRawPath(), null)).headers().firstValue("Set-Cookie").orElseThrow();
        cookie = setCookie.substring(0, setCookie.indexOf(';'));
    }

    @AfterEach
    void stopListening() {
        root().detachAppender(logs);
        TestSignIn.out();
    }

    @Test
    void every_entry_as_a_note_is_stored_exactly_or_refused_next_to_its_box_and_never_logged() throws Exception {
        HostileCorpus.Tally tally = new HostileCorpus.Tally("phone page /p");
        List<String> corpus = HostileCorpus.strings();
        Map<String, String> hidden = checkinForm();
        for (int i = 0; i < corpus.size(); i++) {
            // Every other entry through each of the two boxes, so both see all kinds of input.
            note(tally, hidden, corpus.get(i), i % 2 == 1);
        }
        tally.print();

        assertThat(tally.failures()).isEmpty();
        assertThat(tally.tried()).isGreaterThanOrEqualTo(corpus.size());
        assertNoCorpusEntryLogged();
    }

    @Test
    void bytes_that_are_not_utf8_and_nul_in_bodies_and_addresses_never_fail_on_the_server() throws Exception {
        HostileCorpus.Tally tally = new HostileCorpus.Tally("phone page raw bytes");
        List<byte[]> bad = new ArrayList<>(HostileCorpus.invalidUtf8());
        bad.add(new byte[]{0});
        for (byte[] bytes : bad) {
            String percent = percent(bytes);
            Map<String, String> form = checkinForm();
            String before = encode(form) + "&comment=";
            // Percent-escaped, as a browser sends it, and the raw bytes themselves.
            rawPost(tally, "comment (escaped)", (before + "Knee%20hurt%20" + percent).getBytes(StandardCharsets.US_ASCII));
            rawPost(tally, "comment (raw bytes)", concat((before + "Knee hurt ").getBytes(StandardCharsets.US_ASCII), bytes));
            form = checkinForm();
            form.remove("day");
            rawPost(tally, "day (raw bytes)", concat((encode(form) + "&day=").getBytes(StandardCharsets.US_ASCII), bytes));
            answer(tally, "query string day", send(get("/p/today?day=" + percent, cookie)));
            answer(tally, "query string entry", send(get("/p/today?saved=1&entry=" + percent + "&day=x" + percent, cookie)));
            answer(tally, "code form", send(post("/p", null, ("code=" + percent).getBytes(StandardCharsets.US_ASCII))));
        }
        tally.print();

        assertThat(tally.failures()).isEmpty();
        assertThat(checkins.count(patient.id())).as("nothing saved from unreadable forms").isZero();
        assertNoCorpusEntryLogged();
        assertThat(logs.list).as("no log line holds the words around the bad bytes")
                .noneMatch(e -> text(e).contains("Knee hurt") || text(e).contains("Knee%20hurt"));
    }

    /** One note, posted with the done or the skip form; then read back and taken back again. */
    private void note(HostileCorpus.Tally tally, Map<String, String> hidden, String entry, boolean skip) throws Exception {
        String field = skip ? "skip note" : "done note";
        Map<String, String> form = new LinkedHashMap<>(hidden);
        form.put("key", UUID.randomUUID().toString()); // a new form, as a fresh page would have
        if (skip) {
            form.put("outcome", "skip");
            form.put("reason", "OTHER");
        }
        form.put("comment", entry);
        HttpResponse<String> answer = send(post("/p/checkin", cookie, encode(form).getBytes(StandardCharsets.US_ASCII)));
        // What a phone can send: text in UTF-8, where half an emoji cannot be written, and line
        // breaks as CR LF, which the page takes as the plain line breaks the patient typed.
        String sent = new String(entry.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).replace("\r\n", "\n");
        if (answer.statusCode() == 302) {
            Matcher id = ENTRY.matcher(answer.headers().firstValue("Location").orElse(""));
            if (!id.find()) {
                tally.failed(field, entry, "redirect without the saved entry");
                return;
            }
            Checkin saved = checkins.recent(patient.id(), 0, 1).getFirst();
            if (saved.id().equals(UUID.fromString(id.group(1))) && saved.comment().equals(sent.strip())) {
                tally.stored(field);
            } else {
                tally.failed(field, entry, "stored as " + HostileCorpus.describe(saved.comment()));
            }
            HttpResponse<String> undone = send(post("/p/undo", cookie,
                    ("id=" + id.group(1) + "&day=" + form.get("day")).getBytes(StandardCharsets.US_ASCII)));
            assertThat(undone.headers().firstValue("Location").orElseThrow()).contains("undone=1");
        } else if (answer.statusCode() == 422) {
            // The message sits right under the box the note was typed in, and the note is kept in it, escaped.
            Pattern nextToBox = Pattern.compile("id=\"" + (skip ? "skip-comment" : "comment")
                    + "\"[^>]*>[^<]*</textarea>\\s*<p class=\"error\"[^>]*>[^<]+</p>");
            if (nextToBox.matcher(answer.body()).find() && escaped(answer.body(), sent)) {
                tally.refused(field);
            } else {
                tally.failed(field, entry, "refused without a message next to the box, or not escaped");
            }
        } else {
            tally.failed(field, entry, "HTTP " + answer.statusCode());
        }
    }

    /** Markup typed by the patient never comes back as markup. */
    private static boolean escaped(String body, String sent) {
        return !sent.matches("(?s).*<[a-zA-Z/].*") || !body.contains(sent.strip());
    }

    private void rawPost(HostileCorpus.Tally tally, String field, byte[] body) throws Exception {
        HttpResponse<String> response = send(post("/p/checkin", cookie, body));
        if (response.statusCode() == 302 && ENTRY.matcher(response.headers().firstValue("Location").orElse("")).find()) {
            tally.failed(field, "", "saved although part of it could not be read");
            Matcher id = ENTRY.matcher(response.headers().firstValue("Location").orElseThrow());
            id.find();
            send(post("/p/undo", cookie, ("id=" + id.group(1)).getBytes(StandardCharsets.US_ASCII)));
            return;
        }
        answer(tally, field, response);
    }

    /** No server error; a refusal is a page that says what is wrong. */
    private static void answer(HostileCorpus.Tally tally, String field, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            tally.failed(field, "", "HTTP " + status);
        } else if (status == 302 || status == 200 || (status == 422 && response.body().contains("class=\"error\""))
                || (status == 400 && response.body().contains("could not be read"))) {
            tally.refused(field);
        } else {
            tally.failed(field, "", "HTTP " + status);
        }
    }

    private Map<String, String> checkinForm() throws Exception {
        HttpResponse<String> page = send(get("/p/today", cookie));
        String html = page.body();
        assertThat(html).as("the day page (HTTP %d) offers the form", page.statusCode()).contains("class=\"checkin\"");
        String form = html.substring(html.indexOf("class=\"checkin\""));
        form = form.substring(0, form.indexOf("</form>"));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"").matcher(form);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }

    private void assertNoCorpusEntryLogged() {
        List<String> lines = logs.list.stream().map(HostileInputHttpTest::text).toList();
        for (String entry : HostileCorpus.traceable()) {
            assertThat(lines).as("a log line holds %s", HostileCorpus.describe(entry))
                    .noneMatch(line -> line.contains(entry.strip()));
        }
    }

    /** The message and every exception message of a log event, as a log file would show them. */
    private static String text(ILoggingEvent event) {
        StringBuilder out = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            out.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return out.toString();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private HttpRequest get(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request.build();
    }

    private HttpRequest post(String path, String cookie, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", url(""))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request.build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(Map<String, String> form) {
        return String.join("&", form.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    }

    private static String percent(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%%%02X", b & 0xff));
        }
        return out.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
