package org.homestretch.checkin;

import com.vaadin.flow.server.VaadinSession;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.homestretch.Application;
import org.homestretch.catalog.CatalogService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bench report {@code memory} (run by {@code Bench}, never by the test suite): the heap one open
 * therapist screen and one patient page view leave on the server. The whole app runs in this JVM
 * on a random port with a throw-away database; 200 therapists sign in over HTTP, each in its own
 * session, and open a screen the way the browser does (the page, then Vaadin's {@code v-r=init}
 * request, which creates the server-side UI). Heap is read after full collections before and
 * after; the difference divided by the count is the cost of one. Only cookies are kept on the
 * client side, so the figure is the server's alone.
 */
public final class SessionMemoryBench {

    private static final int COUNT = Integer.getInteger("bench.memory.sessions", 200);
    /** {@code -Dbench.memory.histogram=true}: also print the classes that grew most with the editors. */
    private static final boolean HISTOGRAM = Boolean.getBoolean("bench.memory.histogram");
    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\"\\s*:\\s*(\\d+)");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)");
    private static final Pattern META = Pattern.compile("<meta\\s+name=\"(_csrf(?:_parameter)?)\"\\s+content=\"([^\"]*)\"");

    private SessionMemoryBench() {
    }

    public static void report() {
        ConfigurableApplicationContext context = SpringApplication.run(Application.class,
                "--spring.profiles.active=test", "--server.port=0", "--logging.level.root=warn",
                // As in the packaged jar, whatever the last Maven goal left in target/classes: in
                // development mode each UI holds several times more (debug info, dev tools).
                "--vaadin.productionMode=true");
        try {
            new Run(context).report();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            context.close();
        }
    }

    private static final class Run {
        final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        final String base;
        final Manager sessions;
        final TestAccounts clinic;
        final String editorPath;
        final String patientLink;
        /** The number of the session or view being opened in {@link #measure}. */
        int step;
        final java.util.Set<String> shownRoutes = new java.util.HashSet<>();

        /** Whether Vaadin runs in production mode, as seen in the first session opened. */
        Boolean productionMode;

        Run(ConfigurableApplicationContext context) {
            TomcatWebServer server = (TomcatWebServer) ((ServletWebServerApplicationContext) context).getWebServer();
            base = "http://localhost:" + server.getPort();
            sessions = ((Context) server.getTomcat().getHost().findChildren()[0]).getManager();
            clinic = new TestAccounts(context.getBean(ClinicProvisioning.class));
            TestSignIn.as(context.getBean(UserDetailsService.class), clinic.therapistEmail);
            try {
                Patient patient = CheckinTestSupport.patientWithProgram(context.getBean(PatientService.class),
                        context.getBean(ProgramService.class), context.getBean(CatalogService.class), "Maria", "Bench");
                editorPath = "patients/" + patient.id().value() + "/program";
                patientLink = context.getBean(AccessService.class).ensure(patient.id()).orElseThrow().link();
            } finally {
                TestSignIn.out();
            }
        }

        void report() throws IOException, InterruptedException {
            // Warm-up: class loading, route registry and caches shared by all sessions; then ended.
            for (int i = 0; i < 5; i++) {
                String cookie = signIn();
                openScreen(cookie, "");
                openScreen(cookie, editorPath);
            }
            expireAll();
            long t0 = System.nanoTime();
            List<String> therapists = new ArrayList<>();
            List<String[]> editors = new ArrayList<>();
            Figure signedIn = measure(() -> therapists.add(signIn()));
            Figure worklist = measure(() -> openScreen(therapists.get(step), ""));
            Map<String, long[]> beforeEditor = HISTOGRAM ? histogram() : Map.of();
            Figure editor = measure(() -> editors.add(openScreen(therapists.get(step), editorPath)));
            Figure roundTrip = measure(() -> roundTrip(therapists.get(step), editors.get(step)));
            if (HISTOGRAM) {
                printGrowth(beforeEditor, histogram());
            }
            int uis = uis();
            expireAll();
            therapists.clear();
            editors.clear();
            String patientCookie = patientCookie();
            // The first views load the page's template, classes and caches once for everyone.
            for (int i = 0; i < 50; i++) {
                get("/p/today", patientCookie, 200);
            }
            Figure patientPage = measure(() -> get("/p/today", patientCookie, 200));
            double seconds = (System.nanoTime() - t0) / 1e9;

            System.out.printf(Locale.ROOT, "memory: heap held by the server after full GC, %d of each (%.0f s), "
                    + "Vaadin production mode %s%n", COUNT, seconds, productionMode);
            System.out.printf(Locale.ROOT, "| %-48s | %10s | %10s | %10s | %10s |%n", "what is added", "before MB",
                    "after MB", "KB per one", "sessions +");
            System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%n", "-".repeat(50), "-".repeat(12), "-".repeat(12),
                    "-".repeat(12), "-".repeat(12));
            row("a signed-in therapist session, no screen", signedIn);
            row("+ the worklist (home) open in it", worklist);
            row("+ the program editor open in a second tab", editor);
            row("  then one more round trip in each editor", roundTrip);
            row("a patient page view GET /p/today", patientPage);
            System.out.printf(Locale.ROOT, "a therapist with the program editor open: %.1f KB (session + editor UI), "
                    + "%.1f KB after its next round trip; with both screens: %.1f KB; UIs on the server: %d%n",
                    perOne(signedIn) + perOne(editor), perOne(signedIn) + perOne(editor) + perOne(roundTrip),
                    perOne(signedIn) + perOne(worklist) + perOne(editor) + perOne(roundTrip), uis);
        }

        static double perOne(Figure f) {
            return (f.after - f.before) / 1024.0 / COUNT;
        }

        private void row(String what, Figure f) {
            System.out.printf(Locale.ROOT, "| %-48s | %10.1f | %10.1f | %10.1f | %10d |%n", what, f.before / 1048576.0,
                    f.after / 1048576.0, (f.after - f.before) / 1024.0 / COUNT, f.sessionsAfter - f.sessionsBefore);
        }

        record Figure(long before, long after, int sessionsBefore, int sessionsAfter) {
        }

        interface Step {
            void run() throws IOException, InterruptedException;
        }

        Figure measure(Step body) throws IOException, InterruptedException {
            long before = usedHeap();
            int sessionsBefore = live().size();
            for (step = 0; step < COUNT; step++) {
                body.run();
            }
            long after = usedHeap();
            return new Figure(before, after, sessionsBefore, live().size());
        }

        /** A new session signed in as the therapist; answers its cookie. */
        String signIn() throws IOException, InterruptedException {
            HttpResponse<String> login = get("/login", null, 200);
            String cookie = sessionCookie(login, null);
            Map<String, String> csrf = csrf(login.body());
            String form = "username=" + enc(clinic.therapistEmail) + "&password=" + enc(TestAccounts.PASSWORD) + "&"
                    + enc(csrf.get("_csrf_parameter")) + "=" + enc(csrf.get("_csrf"));
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (posted.statusCode() != 302 || posted.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("Sign-in failed: " + posted.statusCode() + " "
                        + posted.headers().firstValue("Location").orElse(""));
            }
            return sessionCookie(posted, cookie);
        }

        /**
         * Opens a screen in the session as the browser does: the page, Vaadin's init request (which
         * makes the UI) and the client's {@code ui-navigate} event (which builds the view in it).
         */
        String[] openScreen(String cookie, String route) throws IOException, InterruptedException {
            get("/" + route, cookie, 200);
            HttpResponse<String> init = get("/?v-r=init&location=" + enc(route) + "&query=", cookie, 200);
            Matcher key = SECURITY_KEY.matcher(init.body());
            Matcher ui = UI_ID.matcher(init.body());
            if (!key.find() || !ui.find()) {
                throw new IllegalStateException("No UI for " + route + ": " + init.body());
            }
            String navigate = "{\"csrfToken\":\"" + key.group(1) + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                    + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route + "\",\"query\":\"\","
                    + "\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],"
                    + "\"syncId\":0,\"clientId\":0}";
            HttpResponse<String> shown = http.send(HttpRequest.newBuilder(
                            URI.create(base + "/?v-r=uidl&v-uiId=" + ui.group(1)))
                    .header("Cookie", cookie).header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(navigate)).build(), HttpResponse.BodyHandlers.ofString());
            if (shown.statusCode() != 200 || shown.body().length() < 2000) {
                throw new IllegalStateException("The view " + route + " did not open: " + shown.statusCode() + " "
                        + shown.body());
            }
            Matcher sync = SYNC_ID.matcher(shown.body());
            String[] opened = {ui.group(1), key.group(1), sync.find() ? sync.group(1) : "1"};
            if (shownRoutes.add(route)) {
                System.out.printf(Locale.ROOT, "memory: opened /%s, %d KB of UIDL; views on the server: %s%n", route,
                        shown.body().length() / 1024, views());
            }
            return opened;
        }

        /**
         * A request with nothing in it, as the browser sends after anything the user does: Vaadin
         * keeps each UI's last answer (to send it again if the browser repeats a request) until then.
         */
        void roundTrip(String cookie, String[] opened) throws IOException, InterruptedException {
            String body = "{\"csrfToken\":\"" + opened[1] + "\",\"rpc\":[],\"syncId\":" + opened[2]
                    + ",\"clientId\":1}";
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create(base + "/?v-r=uidl&v-uiId=" + opened[0]))
                    .header("Cookie", cookie).header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || !answer.body().contains("\"syncId\"")) {
                throw new IllegalStateException("Round trip failed: " + answer.statusCode() + " " + answer.body());
            }
        }

        String patientCookie() throws IOException, InterruptedException {
            HttpResponse<String> link = get(URI.create(patientLink).getPath(), null, -1);
            String set = link.headers().allValues("Set-Cookie").stream().filter(c -> !c.startsWith("JSESSIONID"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("The link set no patient cookie"));
            return set.substring(0, set.indexOf(';'));
        }

        HttpResponse<String> get(String path, String cookie, int expected) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (expected > 0 && response.statusCode() != expected) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response;
        }

        static String sessionCookie(HttpResponse<?> response, String previous) {
            return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(previous);
        }

        static Map<String, String> csrf(String html) {
            Map<String, String> fields = new java.util.HashMap<>();
            Matcher meta = META.matcher(html);
            while (meta.find()) {
                fields.put(meta.group(1), meta.group(2));
            }
            return fields;
        }

        static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }

        List<Session> live() {
            return Arrays.stream(sessions.findSessions()).filter(Session::isValid).toList();
        }

        void expireAll() {
            live().forEach(Session::expire);
        }

        int uis() {
            int count = 0;
            for (Session s : live()) {
                for (String name : Collections.list(s.getSession().getAttributeNames())) {
                    if (s.getSession().getAttribute(name) instanceof VaadinSession vaadin) {
                        vaadin.lock();
                        try {
                            count += vaadin.getUIs().size();
                        } finally {
                            vaadin.unlock();
                        }
                    }
                }
            }
            return count;
        }

        /** How many UIs show each view (by its class), to check that the screens were really built. */
        Map<String, Integer> views() {
            Map<String, Integer> views = new java.util.TreeMap<>();
            for (Session s : live()) {
                for (String name : Collections.list(s.getSession().getAttributeNames())) {
                    if (s.getSession().getAttribute(name) instanceof VaadinSession vaadin) {
                        vaadin.lock();
                        try {
                            productionMode = vaadin.getConfiguration().isProductionMode();
                            for (var ui : vaadin.getUIs()) {
                                var chain = ui.getInternals().getActiveRouterTargetsChain();
                                String view = chain.isEmpty() ? "(none)" : chain.get(0).getClass().getSimpleName();
                                views.merge(view, 1, Integer::sum);
                            }
                        } finally {
                            vaadin.unlock();
                        }
                    }
                }
            }
            return views;
        }

        /** The live-object histogram (after a full GC): class name to instances and bytes. */
        static Map<String, long[]> histogram() {
            try {
                String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                        new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
                Map<String, long[]> classes = new java.util.HashMap<>();
                for (String line : text.split("\n")) {
                    Matcher m = HISTOGRAM_LINE.matcher(line);
                    if (m.find()) {
                        classes.put(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
                    }
                }
                return classes;
            } catch (javax.management.JMException e) {
                throw new IllegalStateException(e);
            }
        }

        static void printGrowth(Map<String, long[]> before, Map<String, long[]> after) {
            System.out.println("memory: classes that grew most per program editor UI (instances, bytes):");
            after.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), new long[] {
                            e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0],
                            e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1]}))
                    .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(25)
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %-70s %8.1f %10.0f%n", e.getKey(),
                            e.getValue()[0] / (double) COUNT, e.getValue()[1] / (double) COUNT));
        }

        static long usedHeap() {
            var memory = ManagementFactory.getMemoryMXBean();
            long used = Long.MAX_VALUE;
            for (int i = 0; i < 4; i++) {
                memory.gc();
                used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
            }
            return used;
        }
    }
}
