package org.homestretch.checkin;

import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.MutableClock;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The phone page plays each moving exercise at the patient's own hold, with a still figure for reduced motion. */
// The same configuration as the browser tests, so that both share one running server.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "homestretch.public-url=http://localhost:${local.server.port:8080}")
@ActiveProfiles({"test", "demo"})
class MovingFigureHttpTest {

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

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void signOutAndBackToRealTime() {
        TestSignIn.out();
        clock.reset();
    }

    @Test
    void each_moving_exercise_plays_at_its_prescribed_hold_and_a_held_one_stays_still() throws Exception {
        clock.set(CheckinTestSupport.START);
        TestSignIn.as(users, new TestAccounts(provisioning).therapistEmail);
        Patient ana = patients.create(new PatientDetails("Ana", "Moving", null, "", "", "en", null, ""));
        programs.publish(ana.id(), 0, List.of(
                CheckinTestSupport.item(programs, catalog, "knee-to-chest", new Dosage(1, 3, 3, Sides.EACH_SIDE, 1, 7)),
                CheckinTestSupport.item(programs, catalog, "bridge", new Dosage(2, 10, 0, Sides.BOTH_TOGETHER, 1, 7)),
                CheckinTestSupport.item(programs, catalog, "plank", new Dosage(1, 3, 20, Sides.NONE, 1, 7))));
        String link = access.ensure(ana.id()).orElseThrow().link();
        TestSignIn.out();

        String setCookie = get(URI.create(link).getRawPath(), null).headers().firstValue("Set-Cookie").orElseThrow();
        HttpResponse<String> page = get("/p/today", setCookie.substring(0, setCookie.indexOf(';')));

        assertThat(page.statusCode()).isEqualTo(200);
        String knee = svgLabelled(page.body(), "Knee to chest"), bridge = svgLabelled(page.body(), "Bridge");
        // 2 s there, the hold (3 s here, not the exercise's default 30), 2 s back, 1 s rest.
        assertThat(knee).contains("hs-figure-moving").contains("dur=\"8s\"").contains("class=\"hs-still\"")
                .contains("prefers-reduced-motion:reduce");
        assertThat(bridge).as("no hold: a short pause").contains("dur=\"5.5s\"");
        assertThat(svgLabelled(page.body(), "Plank")).doesNotContain("<animate");
        assertThat(page.body()).doesNotContain("<video");
    }

    private static String svgLabelled(String html, String label) {
        Matcher m = Pattern.compile("<svg[^>]*aria-label=\"" + Pattern.quote(label) + "\".*?</svg>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("a figure labelled %s", label).isTrue();
        return m.group();
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
