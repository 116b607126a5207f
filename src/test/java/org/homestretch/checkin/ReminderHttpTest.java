package org.homestretch.checkin;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** "Remind me" over real HTTP, through the real security chain: the file, the calendar link and its end. */
// The same configuration as PatientPageHttpTest and the browser tests: one shared running server.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "homestretch.public-url=http://localhost:${local.server.port:8080}")
@ActiveProfiles({"test", "demo"})
class ReminderHttpTest {

    private static final Pattern HTTPS_LINK = Pattern.compile("value=\"(http://[^\"]+/p/calendar/([A-Za-z0-9_-]{43})\\.ics)\"");

    @LocalServerPort
    int port;
    @Autowired
    AccessService access;
    @Autowired
    Reminders reminders;
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
    TestAccounts clinic;
    Patient maria;
    AccessService.AccessInfo info;

    @BeforeEach
    void patientWithHandout() {
        clock.set(CheckinTestSupport.START);
        clinic = new TestAccounts(provisioning);
        TestSignIn.as(users, clinic.therapistEmail);
        // Knee to chest twice a day every day, bridge once a day 5 days a week.
        maria = CheckinTestSupport.patientWithProgram(patients, programs, catalog, "Maria", "Gonzalez");
        info = access.ensure(maria.id()).orElseThrow();
    }

    @AfterEach
    void signOutAndBackToRealTime() {
        TestSignIn.out();
        clock.reset();
    }

    @Test
    void remind_me_offers_morning_and_evening_and_gives_a_file_of_two_daily_events_with_alarms() throws Exception {
        String cookie = openLink();
        assertThat(get("/p/today", cookie).body()).contains("href=\"/p/remind\"").contains("Remind me");

        HttpResponse<String> page = get("/p/remind", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Twice a day, every day", "Morning", "Evening",
                "value=\"08:00\"", "value=\"18:00\"", "action=\"/p/remind/calendar.ics\"", "Make a calendar link");
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));

        HttpResponse<String> file = get("/p/remind/calendar.ics?at=07:15&at=19:30", cookie);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
                .contains("stretches.ics");
        List<VEvent> events = events(file.body());
        assertThat(events).extracting(e -> e.getProperty(Property.DTSTART).orElseThrow().getValue())
                .containsExactly("20260310T071500", "20260310T193000");
        assertThat(events).extracting(e -> e.getProperty(Property.RRULE).orElseThrow().getValue())
                .containsExactly("FREQ=DAILY", "FREQ=DAILY");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getAlarms()).hasSize(1);
            assertThat(e.getAlarms().getFirst().getProperty(Property.ACTION).orElseThrow().getValue()).isEqualTo("DISPLAY");
        });
        assertThat(file.body()).contains("SUMMARY:Your stretches", "DESCRIPTION:http://localhost:" + port + "/p/today",
                "TZID=Europe/Berlin").doesNotContain("Maria").doesNotContain("Gonzalez").doesNotContain("Knee")
                .doesNotContain("Bridge").doesNotContain(token(info.link()));
    }

    @Test
    void a_time_that_is_not_a_time_is_refused_beside_its_field_and_kept() throws Exception {
        String cookie = openLink();
        HttpResponse<String> refused = get("/p/remind/calendar.ics?at=25:99&at=18:00", cookie);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Type the time like 08:30 or 18:00.").contains("value=\"25:99\"")
                .contains("value=\"18:00\"");
        assertThat(feedRows()).isZero();
    }

    @Test
    void the_calendar_link_follows_program_changes_and_stops_when_the_therapist_turns_it_off() throws Exception {
        String cookie = openLink();
        HttpResponse<String> made = post("/p/remind/link", cookie, "at=07:00&at=20:00");
        assertThat(made.statusCode()).isEqualTo(302);
        assertThat(made.headers().firstValue("Location").orElseThrow()).endsWith("/p/remind?made=1#link");

        String page = get("/p/remind?made=1", cookie).body();
        assertThat(page).contains("Your calendar link is ready.", "href=\"webcal://localhost:" + port + "/p/calendar/");
        Matcher link = HTTPS_LINK.matcher(page);
        assertThat(link.find()).isTrue();
        String feed = URI.create(link.group(1)).getRawPath();
        String token = link.group(2);

        // A calendar app: no cookie, no session.
        HttpResponse<String> read = get(feed, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(read.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(events(read.body())).extracting(e -> e.getProperty(Property.DTSTART).orElseThrow().getValue())
                .containsExactly("20260310T070000", "20260310T200000");
        assertThat(feedRows()).isEqualTo(1);
        assertThat(liveFeedRows()).isEqualTo(1);
        assertThat(audit("CALENDAR_LINK_ISSUED", "PATIENT")).isEqualTo(1);
        // Stored as a hash only.
        assertThat(jdbc.sql("select count(*) from calendar_feed where encode(token_hash, 'hex') = :hash")
                .param("hash", HexFormat.of().formatHex(AccessKeys.tokenHash(token))).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from calendar_feed where encode(token_hash, 'escape') like :t "
                        + "or encode(nonce, 'escape') like :t")
                .param("t", "%" + token + "%").query(Integer.class).single()).isZero();

        // New times: the same link, still one feed and one audit entry.
        assertThat(post("/p/remind/link", cookie, "at=06:45&at=21:00").statusCode()).isEqualTo(302);
        assertThat(get("/p/remind", cookie).body()).contains(token);
        assertThat(feedRows()).isEqualTo(1);
        assertThat(audit("CALENDAR_LINK_ISSUED", "PATIENT")).isEqualTo(1);

        // The therapist changes the program to once a day, 5 days a week: the calendar follows.
        clock.set(CheckinTestSupport.START.plusSeconds(600));
        programs.publish(maria.id(), 1, List.of(CheckinTestSupport.item(programs, catalog, "bridge",
                new Dosage(2, 10, 5, Sides.BOTH_TOGETHER, 1, 5))));
        List<VEvent> changed = events(get(feed, null).body());
        assertThat(changed).hasSize(1);
        assertThat(changed.getFirst().getProperty(Property.RRULE).orElseThrow().getValue())
                .isEqualTo("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
        assertThat(changed.getFirst().getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20260310T064500");

        assertThat(reminders.revoke(maria.id())).isTrue();
        HttpResponse<String> gone = get(feed, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).isEmpty();
        assertThat(feedRows()).isEqualTo(1);
        assertThat(liveFeedRows()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from calendar_feed f join app_user u on u.id = f.revoked_by
                        where f.access_id = :a and f.revoked_at is not null and u.email = :email""")
                .param("a", accessId()).param("email", clinic.therapistEmail).query(Integer.class).single()).isEqualTo(1);
        assertThat(audit("CALENDAR_LINK_REVOKED", "STAFF")).isEqualTo(1);
        assertThat(reminders.revoke(maria.id())).as("nothing left to turn off").isFalse();
        assertThat(audit("CALENDAR_LINK_REVOKED", "STAFF")).isEqualTo(1);
        // The phone link still works.
        assertThat(get("/p/today", cookie).statusCode()).isEqualTo(200);
        // A new calendar link is a new address.
        post("/p/remind/link", cookie, "at=07:00&at=20:00");
        assertThat(get("/p/remind", cookie).body()).doesNotContain(token);
        assertThat(get(feed, null).statusCode()).isEqualTo(404);
        assertThat(feedRows()).isEqualTo(2);
        assertThat(liveFeedRows()).isEqualTo(1);
    }

    @Test
    void turning_off_phone_access_ends_the_calendar_link_too() throws Exception {
        String cookie = openLink();
        post("/p/remind/link", cookie, "at=07:00&at=20:00");
        Matcher link = HTTPS_LINK.matcher(get("/p/remind", cookie).body());
        assertThat(link.find()).isTrue();
        String feed = URI.create(link.group(1)).getRawPath();
        UUID accessBefore = accessId();
        assertThat(get(feed, null).statusCode()).isEqualTo(200);

        access.revoke(maria.id());

        HttpResponse<String> gone = get(feed, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).isEmpty();
        assertThat(jdbc.sql("select count(*) from calendar_feed where access_id = :a and revoked_at is not null")
                .param("a", accessBefore).query(Integer.class).single()).isEqualTo(1);
        assertThat(liveFeedRows()).isZero();
        assertThat(audit("ACCESS_REVOKED", "STAFF")).isEqualTo(1);
        assertThat(audit("CALENDAR_LINK_REVOKED", "STAFF")).as("part of turning off phone access").isZero();
    }

    @Test
    void unknown_and_malformed_calendar_links_are_not_found_and_the_page_needs_the_phone() throws Exception {
        assertThat(get("/p/calendar/" + "A".repeat(43) + ".ics", null).statusCode()).isEqualTo(404);
        assertThat(get("/p/calendar/nonsense.ics", null).statusCode()).isEqualTo(404);
        assertThat(get("/p/remind", null).statusCode()).isEqualTo(302);
        assertThat(get("/p/remind/calendar.ics", null).headers().firstValue("Location").orElseThrow()).endsWith("/p");
        assertThat(post("/p/remind/link", null, "at=07:00").statusCode()).isEqualTo(403);
        assertThat(feedRows()).isZero();
    }

    // ---- helpers ----

    private UUID accessId() {
        return jdbc.sql("""
                        select a.id from program_access a join program g on g.id = a.program_id
                        where g.patient_id = :p order by a.created_at desc limit 1""")
                .param("p", maria.id().value()).query(UUID.class).single();
    }

    private int feedRows() {
        return jdbc.sql("""
                        select count(*) from calendar_feed f join program_access a on a.id = f.access_id
                        join program g on g.id = a.program_id where g.patient_id = :p""")
                .param("p", maria.id().value()).query(Integer.class).single();
    }

    private int liveFeedRows() {
        return jdbc.sql("""
                        select count(*) from calendar_feed f join program_access a on a.id = f.access_id
                        join program g on g.id = a.program_id where g.patient_id = :p and f.revoked_at is null""")
                .param("p", maria.id().value()).query(Integer.class).single();
    }

    private int audit(String action, String actorKind) {
        return jdbc.sql("select count(*) from audit_entry where patient_id = :p and action = :a and actor_kind = :k")
                .param("p", maria.id().value()).param("a", action).param("k", actorKind)
                .query(Integer.class).single();
    }

    static List<VEvent> events(String ics) throws Exception {
        Calendar calendar = ReminderCalendarTest.parse(ics);
        return calendar.getComponents(Component.VEVENT);
    }

    private String openLink() throws Exception {
        String setCookie = get(URI.create(info.link()).getRawPath(), null).headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
