package org.homestretch.load;

import org.homestretch.adherence.DashboardLoad;
import org.homestretch.support.TestSignIn;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The load run (run by the bench as {@code -Dbench.only=load}, never by the test suite): 1,000
 * patients open their phone link and check in once, their arrivals spread evenly over the window
 * ({@code -Dload.minutes=10}), while 20 therapists, each signed in with their own session, open
 * the dashboard and print their patients' handouts, pausing {@code -Dload.thinkMs=2000} between
 * actions. Every request goes over HTTP to localhost, except the dashboard's data: the Vaadin view
 * is not driven over plain HTTP, so the same service call the view makes runs in-process under the
 * therapist's security context, and is labelled so. Self-stopping: it ends when every patient is
 * done or at the window plus one minute, whichever comes first. At most {@code -Dload.inFlight=64}
 * patients are in the middle of their visit at once. Therapists sign in one after the other,
 * {@code -Dload.signInGapMs=3000} apart.
 */
public final class LoadRun {

    static final String LINK = "patient: open link GET /p/<token> (302 + cookie)";
    static final String PAGE = "patient: GET /p/today";
    static final String CHECKIN = "patient: POST /p/checkin (302)";
    static final String AFTER = "patient: GET /p/today?saved (page after saving)";
    static final String SIGN_IN = "therapist: sign in (GET /login + POST /login)";
    static final String SHELL = "therapist: GET /adherence (Vaadin page shell)";
    static final String DASHBOARD = "therapist: dashboard query (in-process, not HTTP)";
    static final String HANDOUT = "therapist: GET /handouts/<id>.pdf";

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"");
    private static final Pattern TICK = Pattern.compile("<input type=\"checkbox\" name=\"ex\" value=\"(\\d+)\"");
    private static final Pattern CSRF = Pattern.compile("<meta\\s+name=\"(_csrf(?:_parameter)?)\"\\s+content=\"([^\"]*)\"");

    private final LoadSetup setup;
    private final LoadStats stats = new LoadStats(LINK, PAGE, CHECKIN, AFTER, SIGN_IN, SHELL, DASHBOARD, HANDOUT);
    private final HttpClient patients = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicBoolean stop = new AtomicBoolean();

    private LoadRun(LoadSetup setup) {
        this.setup = setup;
    }

    /** The bench report: set-up, the run, the table and the database check. */
    public static void report() {
        String only = System.getProperty("bench.only", "");
        if (!List.of(only.split(",")).contains("load")) {
            // Ten minutes plus set-up: too long to ride along with every bench run.
            System.out.println("load run: skipped; run it on its own with -Dbench.only=load");
            return;
        }
        double minutes = Double.parseDouble(System.getProperty("load.minutes", "10"));
        int thinkMs = Integer.getInteger("load.thinkMs", 2000);
        int inFlight = Integer.getInteger("load.inFlight", 64);
        // All twenty from one address (localhost), as behind a clinic's router: see docs/PERFORMANCE.md
        // for why simultaneous sign-ins from one address are refused.
        int signInGapMs = Integer.getInteger("load.signInGapMs", 3000);
        System.out.printf(Locale.ROOT, "Load run: %d patients over %.1f min, %d therapists (pause %d ms), at most %d "
                + "patients in flight; load average before set-up: %s%n", LoadSetup.PATIENTS, minutes,
                LoadSetup.THERAPISTS, thinkMs, inFlight, loadAverage());
        try {
            LoadSetup setup = new LoadSetup();
            System.out.printf(Locale.ROOT, "set-up (app start, generate-data, %d phone links): %.1f s%n",
                    setup.links.size(), setup.seconds);
            new LoadRun(setup).run(Duration.ofMillis((long) (minutes * 60_000)), thinkMs, inFlight, signInGapMs);
        } catch (RuntimeException e) {
            // Said here rather than thrown: the bench must still reach its exit and stop the server.
            System.out.println("load run FAILED: " + e);
        }
    }

    private void run(Duration window, int thinkMs, int inFlight, int signInGapMs) {
        long before = storedToday();
        String loadBefore = loadAverage();
        long started = System.nanoTime();
        List<Thread> therapists = new ArrayList<>();
        for (int i = 0; i < setup.therapists.size(); i++) {
            LoadSetup.Therapist t = setup.therapists.get(i);
            Random random = new Random(i);
            long arrives = started + i * TimeUnit.MILLISECONDS.toNanos(signInGapMs);
            therapists.add(Thread.ofPlatform().name("therapist-" + i).start(() -> {
                sleepUntil(arrives);
                therapist(t, thinkMs, random);
            }));
        }

        CountDownLatch done = new CountDownLatch(setup.links.size());
        Semaphore slots = new Semaphore(inFlight);
        long gapNanos = window.toNanos() / setup.links.size();
        try (ExecutorService visits = Executors.newVirtualThreadPerTaskExecutor()) {
            long deadline = started + window.toNanos() + TimeUnit.MINUTES.toNanos(1);
            for (int i = 0; i < setup.links.size() && !stop.get(); i++) {
                sleepUntil(started + i * gapNanos);
                String link = setup.links.get(i);
                slots.acquireUninterruptibly();
                visits.submit(() -> {
                    try {
                        if (!stop.get()) {
                            patient(link);
                        }
                    } finally {
                        slots.release();
                        done.countDown();
                    }
                });
                if (System.nanoTime() > deadline) {
                    stop.set(true);
                }
            }
            boolean all = done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            stop.set(true);
            if (!all) {
                System.out.println("TIME BOUND REACHED: " + done.getCount() + " patients not done");
                visits.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        for (Thread t : therapists) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String loadAfter = loadAverage();

        System.out.printf(Locale.ROOT, "run: %.1f s (window %d s); load average at start %s, at end %s%n", seconds,
                window.toSeconds(), loadBefore, loadAfter);
        stats.print(seconds);
        check(before);
    }

    /** One patient's visit: the link from the handout, today's page, the form sent, the page after. */
    private void patient(String link) {
        String cookie;
        long t = System.nanoTime();
        try {
            HttpResponse<String> opened = send(patients, get(link));
            String setCookie = opened.headers().firstValue("Set-Cookie").orElse("");
            if (opened.statusCode() != 302 || !setCookie.startsWith("hs_patient=")) {
                stats.error(LINK, System.nanoTime() - t, "status " + opened.statusCode() + ", no patient cookie");
                return;
            }
            cookie = setCookie.substring(0, setCookie.indexOf(';'));
            stats.ok(LINK, System.nanoTime() - t);
        } catch (IOException e) {
            stats.error(LINK, System.nanoTime() - t, e.toString());
            return;
        }

        String form;
        t = System.nanoTime();
        try {
            HttpResponse<String> page = send(patients, get("/p/today").header("Cookie", cookie));
            int at = page.body().indexOf("class=\"checkin\"");
            if (page.statusCode() != 200 || at < 0) {
                stats.error(PAGE, System.nanoTime() - t, "status " + page.statusCode() + ", no check-in form");
                return;
            }
            form = page.body().substring(at, page.body().indexOf("</form>", at));
            stats.ok(PAGE, System.nanoTime() - t);
        } catch (IOException e) {
            stats.error(PAGE, System.nanoTime() - t, e.toString());
            return;
        }

        String location;
        t = System.nanoTime();
        try {
            HttpResponse<String> saved = send(patients, post("/p/checkin", answers(form)).header("Cookie", cookie));
            location = saved.headers().firstValue("Location").orElse("");
            if (saved.statusCode() != 302 || !location.contains("saved=done")) {
                stats.error(CHECKIN, System.nanoTime() - t, "status " + saved.statusCode() + ", Location " + location);
                return;
            }
            stats.ok(CHECKIN, System.nanoTime() - t);
        } catch (IOException e) {
            stats.error(CHECKIN, System.nanoTime() - t, e.toString());
            return;
        }

        t = System.nanoTime();
        try {
            HttpResponse<String> after = send(patients, get(URI.create(location).getRawPath() + "?"
                    + URI.create(location).getRawQuery()).header("Cookie", cookie));
            if (after.statusCode() != 200 || !after.body().contains("Saved.")) {
                stats.error(AFTER, System.nanoTime() - t, "status " + after.statusCode() + ", no \"Saved.\" notice");
                return;
            }
            stats.ok(AFTER, System.nanoTime() - t);
        } catch (IOException e) {
            stats.error(AFTER, System.nanoTime() - t, e.toString());
        }
    }

    /** The form as the browser sends it: its hidden fields, every exercise ticked, a pain score, "About right". */
    private static String answers(String form) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        Matcher hidden = HIDDEN.matcher(form);
        while (hidden.find()) {
            fields.add(Map.entry(hidden.group(1), hidden.group(2)));
        }
        Matcher tick = TICK.matcher(form);
        while (tick.find()) {
            fields.add(Map.entry("ex", tick.group(1)));
        }
        fields.add(Map.entry("pain", Integer.toString(Math.abs(form.hashCode() % 11))));
        fields.add(Map.entry("difficulty", "ABOUT_RIGHT"));
        fields.add(Map.entry("comment", ""));
        return encode(fields);
    }

    /** One therapist: signs in, then opens the dashboard and prints a handout in turn until the run stops. */
    private void therapist(LoadSetup.Therapist therapist, int thinkMs, Random random) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        TestSignIn.as(setup.context.getBean(UserDetailsService.class), therapist.email());
        long t = System.nanoTime();
        try {
            Matcher csrf = CSRF.matcher(send(http, get("/login")).body());
            Map<String, String> meta = new HashMap<>();
            while (csrf.find()) {
                meta.put(csrf.group(1), csrf.group(2));
            }
            HttpResponse<String> signedIn = send(http, post("/login", List.of(Map.entry("username", therapist.email()),
                    Map.entry("password", LoadSetup.PASSWORD), Map.entry(meta.get("_csrf_parameter"), meta.get("_csrf")))));
            String to = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || to.contains("login")) {
                stats.error(SIGN_IN, System.nanoTime() - t, "status " + signedIn.statusCode() + ", Location " + to);
                return;
            }
            stats.ok(SIGN_IN, System.nanoTime() - t);
        } catch (IOException | RuntimeException e) {
            stats.error(SIGN_IN, System.nanoTime() - t, e.toString());
            return;
        }
        try {
            for (int round = 0; !stop.get(); round++) {
                t = System.nanoTime();
                try {
                    HttpResponse<String> shell = send(http, get("/adherence"));
                    if (shell.statusCode() == 200 && shell.body().contains("<html")) {
                        stats.ok(SHELL, System.nanoTime() - t);
                    } else {
                        stats.error(SHELL, System.nanoTime() - t, "status " + shell.statusCode());
                    }
                } catch (IOException e) {
                    stats.error(SHELL, System.nanoTime() - t, e.toString());
                }
                t = System.nanoTime();
                try {
                    DashboardLoad.firstPage(setup.context);
                    stats.ok(DASHBOARD, System.nanoTime() - t);
                } catch (RuntimeException e) {
                    stats.error(DASHBOARD, System.nanoTime() - t, e.toString());
                }
                pause(thinkMs, random);
                UUID version = therapist.handouts().get(round % therapist.handouts().size());
                t = System.nanoTime();
                try {
                    HttpResponse<byte[]> pdf = http.send(get("/handouts/" + version + ".pdf").build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (pdf.statusCode() == 200 && new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
                        stats.ok(HANDOUT, System.nanoTime() - t);
                    } else {
                        stats.error(HANDOUT, System.nanoTime() - t, "status " + pdf.statusCode());
                    }
                } catch (IOException e) {
                    stats.error(HANDOUT, System.nanoTime() - t, e.toString());
                }
                pause(thinkMs, random);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            TestSignIn.out();
        }
    }

    /** Exactly one new check-in per patient for today: none lost, none counted twice. */
    private void check(long before) {
        long stored = storedToday() - before;
        long patientsWithOne = setup.jdbc().sql("""
                        select count(*) from (select patient_id from checkin where local_date = ?
                        group by patient_id having count(*) = 1) one""")
                .param(setup.today).query(Long.class).single();
        long done = stats.count(CHECKIN);
        boolean ok = stored == setup.links.size() && patientsWithOne == setup.links.size() && stats.errors() == 0;
        System.out.printf(Locale.ROOT, "database: %d check-ins stored for today (expected %d), %d patients with exactly "
                + "one, %d check-in posts answered; errors: %d -> %s%n", stored, setup.links.size(), patientsWithOne, done,
                stats.errors(), ok ? "OK" : "FAILED");
    }

    private long storedToday() {
        return setup.jdbc().sql("select count(*) from checkin where local_date = ?").param(setup.today)
                .query(Long.class).single();
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(setup.base + path)).timeout(Duration.ofSeconds(30)).GET();
    }

    private HttpRequest.Builder post(String path, List<Map.Entry<String, String>> form) {
        return post(path, encode(form));
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(setup.base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", setup.base)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String encode(List<Map.Entry<String, String>> fields) {
        return fields.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void pause(int thinkMs, Random random) throws InterruptedException {
        // Spread around the mean so that the 20 therapists do not act in step.
        Thread.sleep(thinkMs / 2 + random.nextInt(Math.max(1, thinkMs)));
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
