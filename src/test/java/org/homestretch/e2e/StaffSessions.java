package org.homestretch.e2e;

import org.homestretch.catalog.CatalogService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.program.ProgramVersion;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain HTTP requests with a staff member's session cookie, as their open tab or a script would send them. */
final class StaffSessions {

    private static final Pattern REMAINING = Pattern.compile("\"remaining\":(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    StaffSessions(int port) {
        base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What Vaadin's client sends every few minutes while a tab is open. */
    HttpResponse<String> heartbeat(String session, int uiId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=heartbeat&v-uiId=" + uiId))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "text/plain;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Seconds until automatic logoff, as the page's timer asks; empty when the session has ended. */
    Optional<Long> remaining(String session) throws Exception {
        Matcher m = REMAINING.matcher(get("/session-status", session).body());
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** The reason the response left for the login page, e.g. "IDLE.15". */
    static Optional<String> signedOutReason(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("HS_SIGNED_OUT="))
                .map(c -> c.substring("HS_SIGNED_OUT=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst();
    }

    record Published(String patientId, String versionId) {
    }

    /** A patient of the clinic's therapist with one published program version. */
    static Published publishedProgram(TestAccounts clinic, UserDetailsService users, PatientService patients,
                                           ProgramService programs, CatalogService catalog) {
        TestSignIn.as(users, clinic.therapistEmail);
        try {
            Patient patient = patients.create(new PatientDetails("Maria", "Gonzalez", null, "", "", "en", null, ""));
            ProgramVersion version = programs.publish(patient.id(), 0,
                    List.of(programs.newItem(catalog.find("bridge").orElseThrow().id())));
            return new Published(patient.id().value().toString(), version.id().value().toString());
        } finally {
            TestSignIn.out();
        }
    }
}
