package org.homestretch.e2e;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.annotation.security.RolesAllowed;
import org.homestretch.catalog.BestTime;
import org.homestretch.catalog.BodyArea;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Equipment;
import org.homestretch.catalog.Exercise;
import org.homestretch.catalog.ExerciseContent;
import org.homestretch.catalog.Position;
import org.homestretch.catalog.Sides;
import org.homestretch.checkin.AccessService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.program.ProgramVersion;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Clinic isolation, proved route by route: every Vaadin route and every Spring MVC endpoint of the
 * running app that takes an id, a slug or a token is called with a real value of a second clinic,
 * anonymously and as the demo clinic's therapist; admin-only routes also as that therapist. The
 * routes come from the route registry and the handler mappings, so a new route is walked (or fails
 * the test, until the walk knows how to fill its parameter) without anyone remembering to add it.
 */
class IsolationWalkTest extends EndToEndTest {

    private static final Pattern VAADIN_PARAMETER = Pattern.compile(":[A-Za-z_]+\\??(\\([^)]*\\))?");
    private static final Pattern MVC_PARAMETER = Pattern.compile("\\{[^}]+}");

    @Autowired
    WebApplicationContext context;
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

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** What the other clinic holds: the values that fill the routes, and the words that must never appear. */
    private record OtherClinic(Map<String, String> values, List<String> secrets) {
    }

    @Test
    void no_route_that_takes_an_id_slug_or_token_shows_another_clinics_data_to_anyone() throws Exception {
        OtherClinic other = otherClinic();
        List<String> tried = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String therapistSession = signedInSessionCookie();

        for (RouteData route : RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(
                new VaadinServletContext(context.getServletContext()))).getAvailableRoutes()) {
            String template = "/" + route.getTemplate();
            boolean adminOnly = isAdminOnly(route.getNavigationTarget());
            boolean hasParameter = template.contains(":");
            if (!hasParameter && !adminOnly) {
                continue;
            }
            String path = hasParameter ? fill(template, VAADIN_PARAMETER, other) : template;
            checkHttp(path, null, "anonymous", other, tried, problems);
            checkHttp(path, therapistSession, hasParameter ? "therapist of another clinic" : "therapist (admin only)",
                    other, tried, problems);
            checkInBrowser(path, other, problems);
            tried.add(path + " in Chromium as " + (hasParameter ? "therapist of another clinic" : "therapist (admin only)"));
        }

        Set<String> mvcPatterns = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            mapping.getHandlerMethods().keySet().forEach(info -> mvcPatterns.addAll(info.getPatternValues()));
        }
        assertThat(mvcPatterns).as("the walk must see the MVC endpoints").contains("/handouts/{id}.pdf", "/p/{token}");
        for (String pattern : mvcPatterns) {
            if (!pattern.contains("{")) {
                continue;
            }
            String path = fill(pattern, MVC_PARAMETER, other);
            checkHttp(path, null, "anonymous", other, tried, problems);
            checkHttp(path, therapistSession, "therapist of another clinic", other, tried, problems);
        }

        System.out.println("Isolation walk: " + tried.size() + " route x role checks (HTTP and Chromium):");
        tried.forEach(t -> System.out.println("  " + t));
        assertThat(problems).isEmpty();
        assertThat(tried).as("routes x roles tried").hasSizeGreaterThanOrEqualTo(28);
    }

    /** A second clinic with a patient, a published program, a clinic exercise and an ended patient link. */
    private OtherClinic otherClinic() {
        TestAccounts accounts = new TestAccounts(provisioning);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String first = "Philippa" + suffix;
        String last = "Quennell" + suffix;
        String exerciseName = "Heron reach " + suffix;
        TestSignIn.as(users, accounts.therapistEmail);
        try {
            Patient patient = patients.create(new PatientDetails(first, last, null, "", "", "en", null, ""));
            Exercise exercise = catalog.create(new ExerciseContent(exerciseName, List.of(), "Eases a stiff back.",
                    Position.STANDING, Set.of(BodyArea.LOWER_BACK), Set.of(Equipment.WALL), false, BestTime.ANY,
                    List.of("Stand tall.", "Reach up slowly.", "Come back down."), List.of("Breathe out."),
                    List.of("Stop if it hurts."), new Dosage(2, 10, 5, Sides.NONE, 1, 5)));
            ProgramVersion version = programs.publish(patient.id(), 0, List.of(programs.newItem(exercise.id())));
            String link = access.ensure(patient.id()).orElseThrow().link();
            // The ended link: a live one is the patient's own key and lets its holder in, by design.
            access.reissue(patient.id());
            Map<String, String> values = new LinkedHashMap<>();
            values.put("patientId", patient.id().value().toString());
            values.put("/patients/:___url_parameter", patient.id().value().toString());
            values.put("/catalog/:___url_parameter", exercise.slug());
            values.put("/catalog/edit/:___url_parameter", exercise.slug());
            values.put("id", version.id().value().toString());
            values.put("token", link.substring(link.lastIndexOf('/') + 1));
            // A calendar link, like the patient link, is its holder's key by design; the walk asks
            // for one in the token's own shape that opens nothing (checkin/ReminderHttpTest ends a real one).
            values.put("file", "A".repeat(43) + ".ics");
            return new OtherClinic(values, List.of(first, last, exerciseName));
        } finally {
            TestSignIn.out();
        }
    }

    /**
     * The route with each parameter filled: by the parameter's name where it means one thing
     * everywhere ({@code patientId}, {@code id}, {@code token}), else by the route it is on.
     */
    private static String fill(String template, Pattern parameter, OtherClinic other) {
        Matcher matcher = parameter.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group().replaceAll("[:{}?]|\\(.*\\)", "");
            String value = other.values().get(name);
            if (value == null) {
                value = other.values().get(template.substring(0, matcher.end()).replace("?", ""));
            }
            if (value == null) {
                fail("The isolation walk cannot fill parameter '" + name + "' of route " + template
                        + ": add a value of the other clinic for it in otherClinic()");
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private void checkHttp(String path, String session, String role, OtherClinic other, List<String> tried,
                           List<String> problems) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = answer.statusCode();
        tried.add(path + " as " + role + ": " + status);
        boolean toLogin = status == 302 && answer.headers().firstValue("Location").orElse("").equals(url("/login"));
        // Vaadin answers every address with its bootstrap page (200, no data: views are drawn in the browser).
        boolean vaadinShell = status == 200 && answer.body().contains("window.Vaadin");
        if (!(status == 404 || toLogin || vaadinShell)) {
            problems.add(path + " as " + role + " answered " + status + " " + answer.headers().firstValue("Location")
                    .orElse(""));
        }
        for (String secret : other.secrets()) {
            if (answer.body().contains(secret)) {
                problems.add(path + " as " + role + " shows the other clinic's '" + secret + "'");
            }
        }
    }

    /** The browser is signed in as the demo therapist (same session as the HTTP calls). */
    private void checkInBrowser(String path, OtherClinic other, List<String> problems) {
        browser.get(url(path));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h2, vaadin-login-form")));
        String heading = browser.findElements(By.cssSelector("main h2")).stream().findFirst()
                .map(h -> h.getText()).orElse("");
        if (!heading.equals("Page not found")) {
            problems.add(path + " in the browser as the demo therapist shows '" + heading + "', not 'Page not found'");
        }
        String source = browser.getPageSource();
        for (String secret : other.secrets()) {
            if (source.contains(secret)) {
                problems.add(path + " in the browser shows the other clinic's '" + secret + "'");
            }
        }
    }

    private static boolean isAdminOnly(Class<?> view) {
        RolesAllowed roles = view.getAnnotation(RolesAllowed.class);
        return roles != null && !List.of(roles.value()).contains("THERAPIST");
    }

    private String signedInSessionCookie() {
        signInAsTherapist();
        Cookie cookie = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(cookie).isNotNull();
        return cookie.getValue();
    }
}
