package org.homestretch.fault;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One patient's phone, talking raw HTTP to the phone page as a browser without JavaScript
 * would: a session cookie, form posts with an idempotency key, redirects not followed.
 */
public final class Phone {

    /** What the server answered to one post, and how long the phone waited for it. */
    public record Answer(int status, String location, String body, double seconds) {
        public boolean acknowledged() {
            return (status == 302 || status == 303) && location != null
                    && (location.contains("saved=") || location.contains("repeated="));
        }

        public UUID entry() {
            Matcher m = Pattern.compile("entry=([0-9a-f-]{36})").matcher(location);
            return m.find() ? UUID.fromString(m.group(1)) : null;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();

    final UUID programId;
    private final Supplier<ChildApp> app;
    private final String sessionId;
    String day;
    String session;

    private Phone(UUID programId, Supplier<ChildApp> app, String sessionId) {
        this.programId = programId;
        this.app = app;
        this.sessionId = sessionId;
    }

    /**
     * Signs a phone in to the program's access as opening the QR code would, straight in the
     * database (the link's token is not stored anywhere to read back), with the day's sessions freed.
     */
    public static Phone signIn(JdbcClient db, UUID programId, Supplier<ChildApp> app) throws Exception {
        UUID clinic = db.sql("select clinic_id from program where id = ?").param(programId).query(UUID.class).single();
        UUID access = db.sql("select id from program_access where program_id = ? and revoked_at is null")
                .param(programId).query(UUID.class).optional()
                .orElseGet(() -> db.sql("insert into program_access (clinic_id, program_id, nonce, token_hash, code_hash,"
                                + " created_at) values (?, ?, ?, ?, ?, now()) returning id")
                        .params(clinic, programId, random(32), random(32), random(32)).query(UUID.class).single());
        db.sql("update checkin set withdrawn_at = now() where program_id = ? and withdrawn_at is null"
                + " and local_date >= current_date - 3").param(programId).update();
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
        db.sql("insert into patient_session (id_hash, access_id, created_at, last_seen_at) values (?, ?, now(), now())")
                .params(MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.US_ASCII)), access)
                .update();
        Phone phone = new Phone(programId, app, sessionId);
        phone.readForm();
        return phone;
    }

    /** The day and session number the page offers, from its hidden fields. */
    void readForm() throws Exception {
        Answer page = get("/p/today");
        if (page.status() != 200 || !page.body().contains("action=\"/p/checkin\"")) {
            throw new IllegalStateException("No check-in form for program " + programId + ": " + page.status());
        }
        day = hidden(page.body(), "day");
        session = hidden(page.body(), "session");
    }

    public Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(app.get().url(path))).GET());
    }

    public Answer checkIn(UUID key, String comment) throws Exception {
        return post("/p/checkin", Map.of("key", key.toString(), "day", day, "session", session, "outcome", "done",
                "pain", "3", "difficulty", "ABOUT_RIGHT", "comment", comment));
    }

    public Answer undo(UUID entry) throws Exception {
        return post("/p/undo", Map.of("id", entry.toString(), "day", day));
    }

    private Answer post(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(app.get().url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Connection failures (the app is down) come back as status 0. */
    private Answer send(HttpRequest.Builder request) throws InterruptedException {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.header("Cookie", "hs_patient=" + sessionId)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body(), (System.nanoTime() - start) / 1e9);
        } catch (IOException e) {
            return new Answer(0, null, e.toString(), (System.nanoTime() - start) / 1e9);
        }
    }

    static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No hidden field " + name);
        }
        return m.group(1);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
