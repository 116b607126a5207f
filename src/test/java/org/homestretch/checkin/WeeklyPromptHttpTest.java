package org.homestretch.checkin;

import org.homestretch.catalog.CatalogService;
import org.homestretch.outcome.Measure;
import org.homestretch.outcome.OutcomeEntry;
import org.homestretch.outcome.OutcomeService;
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
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly outcome question on the phone page over real HTTP, with the clock moved day by day.
 * The program starts on Tuesday 10 March 2026 (CheckinTestSupport.START).
 */
// The same configuration as PatientPageHttpTest and the browser tests: one shared running server.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "homestretch.public-url=http://localhost:${local.server.port:8080}")
@ActiveProfiles({"test", "demo"})
class WeeklyPromptHttpTest {

    static final String QUESTION = "Your weekly questions";

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
    OutcomeService outcomes;
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
    String cookie;

    @BeforeEach
    void patientWithHandout() throws Exception {
        clock.set(CheckinTestSupport.START);
        try {
            TestSignIn.as(users, new TestAccounts(provisioning).therapistEmail);
            maria = CheckinTestSupport.patientWithProgram(patients, programs, catalog, "Maria", "Weekly");
            AccessService.AccessInfo info = access.ensure(maria.id()).orElseThrow();
            String setCookie = get(URI.create(info.link()).getRawPath(), null).headers().firstValue("Set-Cookie")
                    .orElseThrow();
            cookie = setCookie.substring(0, setCookie.indexOf(';'));
        } catch (Exception | Error e) {
            clock.reset();
            throw e;
        }
    }

    @AfterEach
    void signOutAndBackToRealTime() {
        TestSignIn.out();
        clock.reset();
    }

    /** 09:00 in Berlin on that day. */
    private void on(int month, int day) {
        clock.set(LocalDate.of(2026, month, day).atTime(9, 0).atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant());
    }

    @Test
    void the_weekly_question_appears_once_a_week_only() throws Exception {
        assertThat(page()).as("the program's first day: the baseline is the visit's").doesNotContain(QUESTION);
        on(3, 16);
        assertThat(page()).as("Monday, the day before").doesNotContain(QUESTION);

        on(3, 17); // Tuesday, the weekday the program started
        String tuesday = page();
        assertThat(tuesday).contains(QUESTION).contains("How bad is your pain right now?")
                .as("no PSFS recorded yet: pain only").doesNotContain("How well can you do");
        Map<String, String> answers = formOf(tuesday);
        answers.put("nprs", "4");
        answers.put("answer", "send");
        HttpResponse<String> saved = post(answers);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/p/today?weekly=saved");
        String after = page("/p/today?weekly=saved");
        assertThat(after).contains("Your answers are saved for your therapist").doesNotContain(QUESTION);
        assertThat(page()).doesNotContain(QUESTION);

        for (int day : new int[]{18, 20, 23}) {
            on(3, day);
            assertThat(page()).as("March %d, the same week", day).doesNotContain(QUESTION);
        }

        on(3, 24); // next Tuesday: put off
        Map<String, String> later = formOf(page());
        later.put("answer", "later");
        assertThat(post(later).headers().firstValue("Location").orElseThrow()).endsWith("/p/today?weekly=later");
        assertThat(page("/p/today?weekly=later")).contains("We will ask again next week").doesNotContain(QUESTION);
        on(3, 26);
        assertThat(page()).doesNotContain(QUESTION);

        // Tuesday 31 March passes without a visit: the question waits for the first visit that week.
        on(4, 2);
        assertThat(page()).contains(QUESTION);
        on(4, 7);
        assertThat(page()).contains(QUESTION);

        assertThat(count("select count(*) from outcome_score where patient_id = :p")).isEqualTo(1);
        assertThat(count("select count(*) from outcome_prompt where patient_id = :p")).isEqualTo(2);
        assertThat(jdbc.sql("select source || ' ' || measure || ' ' || score || ' ' || taken_on || ' '"
                        + " || coalesce(entered_by::text, 'patient') from outcome_score where patient_id = :p")
                .param("p", maria.id().value()).query(String.class).single())
                .isEqualTo("PHONE NPRS 4.00 2026-03-17 patient");
    }

    @Test
    void answers_sent_twice_are_saved_once_and_audited_as_the_patients() throws Exception {
        outcomes.record(maria.id(), new OutcomeEntry(Measure.PSFS, LocalDate.of(2026, 3, 10),
                List.of("Putting on socks", "Climbing stairs", "TV watching"), List.of(2, 3, 3)));
        on(3, 17);
        String body = page();
        assertThat(body).contains("How well can you do putting on socks today?")
                .contains("How well can you do climbing stairs today?")
                .contains("How well can you do TV watching today?")
                .contains("0 = can&#39;t do it, 10 = as well as before");
        Map<String, String> answers = formOf(body);
        answers.putAll(Map.of("nprs", "3", "activity0", "5", "activity1", "6", "activity2", "5", "answer", "send"));

        HttpResponse<String> first = post(answers);
        HttpResponse<String> again = post(answers);

        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("weekly=saved");
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("weekly=already");
        assertThat(page("/p/today?weekly=already")).contains("already saved").doesNotContain(QUESTION);
        assertThat(count("select count(*) from outcome_score where patient_id = :p and source = 'PHONE'")).isEqualTo(2);
        assertThat(count("select count(*) from outcome_item i join outcome_score s on s.id = i.score_id"
                + " where s.patient_id = :p and s.source = 'PHONE'")).isEqualTo(4);
        assertThat(count("select count(*) from outcome_prompt where patient_id = :p")).isEqualTo(1);
        assertThat(count("select count(*) from audit_entry where patient_id = :p and action = 'OUTCOME_RECORDED'"
                + " and actor_kind = 'PATIENT' and actor_id = :p")).isEqualTo(2);
        assertThat(jdbc.sql("select s.score from outcome_score s where s.patient_id = :p and s.source = 'PHONE'"
                        + " and s.measure = 'PSFS'").param("p", maria.id().value()).query(String.class).single())
                .isEqualTo("5.33");
        assertThat(outcomes.history(maria.id()).get(Measure.PSFS).getLast().enteredByText()).isEqualTo("patient (phone)");
    }

    @Test
    void an_unanswered_question_is_named_and_what_was_chosen_stays() throws Exception {
        outcomes.record(maria.id(), new OutcomeEntry(Measure.PSFS, LocalDate.of(2026, 3, 10),
                List.of("Putting on socks", "Climbing stairs", "Sitting an hour"), List.of(2, 3, 3)));
        on(3, 17);
        Map<String, String> answers = formOf(page());
        answers.putAll(Map.of("nprs", "7", "activity0", "5", "answer", "send"));

        HttpResponse<String> refused = post(answers);

        assertThat(refused.statusCode()).isEqualTo(422);
        String body = refused.body().replaceAll("\\s+", " ");
        assertThat(body).contains("Please answer each question, or press")
                .contains("name=\"nprs\" value=\"7\" checked").contains("name=\"activity0\" value=\"5\" checked");
        assertThat(body.split("Please pick a number from 0 to 10.", -1)).hasSize(3);
        assertThat(count("select count(*) from outcome_score where patient_id = :p and source = 'PHONE'")).isZero();
        assertThat(count("select count(*) from outcome_prompt where patient_id = :p")).isZero();
    }

    @Test
    void the_question_comes_on_the_weekday_the_therapist_picked() throws Exception {
        outcomes.setWeekday(maria.id(), DayOfWeek.FRIDAY);
        on(3, 12);
        assertThat(page()).doesNotContain(QUESTION);
        on(3, 13); // Friday
        assertThat(page()).contains(QUESTION);
        on(3, 17); // Tuesday: still that week's open question, not a new one
        Map<String, String> answers = formOf(page());
        assertThat(answers.get("due")).isEqualTo("2026-03-13");
    }

    private int count(String sql) {
        return jdbc.sql(sql).param("p", maria.id().value()).query(Integer.class).single();
    }

    private String page() throws Exception {
        return page("/p/today");
    }

    private String page(String path) throws Exception {
        HttpResponse<String> response = get(path, cookie);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(Map<String, String> form) throws Exception {
        String base = "http://localhost:" + port;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/p/weekly"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The hidden fields of the weekly question's form, as a browser would send them. */
    private static Map<String, String> formOf(String html) {
        String form = html.substring(html.indexOf("class=\"weekly-form\""));
        form = form.substring(0, form.indexOf("</form>"));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"").matcher(form);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }
}
