package org.homestretch.scaling;

import org.homestretch.audit.AuditChains;
import org.homestretch.audit.AuditVerifier;
import org.homestretch.e2e.SignInClient;
import org.homestretch.fault.ChildApp;
import org.homestretch.fault.FaultCluster;
import org.homestretch.fault.Phone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances on one external PostgreSQL, as behind a load balancer (docs/SCALING.md):
 * phones whose requests alternate between the instances check in, resend and undo; a staff
 * account is locked by wrong passwords spread over both; the audit chains written by both stay
 * whole. Nothing may be lost, stored twice or forgotten by the other instance. The figures go to
 * {@code target/surefire-reports/org.homestretch.scaling.TwoInstancesTest-output.txt}.
 */
class TwoInstancesTest {

    static final Path folder = Path.of("target", "two-instances").toAbsolutePath();
    static final String ADMIN = "admin@demo.homestretch.org";
    static final String THERAPIST = "therapist@demo.homestretch.org";
    static final String PASSWORD = "stretch-demo-2026";
    /** The per-client delay must not slow the lockout run: each try claims its own address. */
    static final Map<String, String> TRUST_PROXY = Map.of("HOMESTRETCH_FORWARD_HEADERS", "native");

    static FaultCluster cluster;
    static ChildApp first;
    static ChildApp second;

    @BeforeAll
    static void startOneDatabaseAndTwoApps() throws Exception {
        org.springframework.util.FileSystemUtils.deleteRecursively(folder);
        Files.createDirectories(folder);
        cluster = FaultCluster.create(folder);
        first = ChildApp.start(cluster, folder, "app-a", TRUST_PROXY);
        first.awaitHealthy(Duration.ofSeconds(240));
        JdbcClient db = cluster.jdbc();
        // The demo's check-ins are written last, in one transaction: once there are any, the demo is in place.
        org.awaitility.Awaitility.await("demo data in place").atMost(Duration.ofSeconds(120))
                .until(() -> db.sql("select count(*) from checkin").query(Long.class).single() > 0);
        // The second instance finds the schema migrated and the demo in place, as a new node would.
        second = ChildApp.start(cluster, folder, "app-b", TRUST_PROXY);
        second.awaitHealthy(Duration.ofSeconds(240));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {second, first, cluster}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void check_ins_resends_and_undos_spread_over_both_instances_are_stored_exactly_once() throws Exception {
        JdbcClient db = cluster.jdbc();
        List<UUID> programs = db.sql("""
                select pr.id from program pr join patient pa on pa.id = pr.patient_id
                join app_user u on u.id = pa.therapist_id
                where u.email = ? and not pa.archived
                and exists (select 1 from program_version v where v.program_id = pr.id)
                order by pr.id limit 4""").param(THERAPIST).query(UUID.class).list();
        assertThat(programs).hasSize(4);
        long undoEntriesBefore = auditCount("CHECKIN_WITHDRAWN");

        int rounds = 12;
        Set<UUID> keys = ConcurrentHashMap.newKeySet();
        List<String> problems = new CopyOnWriteArrayList<>();
        AtomicInteger toFirst = new AtomicInteger();
        AtomicInteger toSecond = new AtomicInteger();
        List<Thread> phones = new ArrayList<>();
        for (UUID program : programs) {
            // Each request of this phone goes to the other instance than the one before.
            AtomicInteger turn = new AtomicInteger();
            Supplier<ChildApp> balancer = () -> {
                boolean even = turn.getAndIncrement() % 2 == 0;
                (even ? toFirst : toSecond).incrementAndGet();
                return even ? first : second;
            };
            Phone phone = Phone.signIn(db, program, balancer);
            phones.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int round = 0; round < rounds; round++) {
                        UUID key = UUID.randomUUID();
                        keys.add(key);
                        Phone.Answer saved = phone.checkIn(key, "round " + round);
                        Phone.Answer resent = phone.checkIn(key, "round " + round);
                        if (!saved.acknowledged() || saved.location().contains("repeated=")) {
                            problems.add("first post of a key not saved: " + saved.status() + " " + saved.location());
                            return;
                        }
                        if (resent.location() == null || !resent.location().contains("repeated=")) {
                            problems.add("resend on the other instance not recognised: " + resent.status());
                        }
                        // The last check-in of each phone stays; the others are undone on the other instance.
                        if (round < rounds - 1) {
                            Phone.Answer undone = phone.undo(saved.entry());
                            if (undone.status() != 302 && undone.status() != 303) {
                                problems.add("undo answered " + undone.status());
                            }
                        }
                    }
                } catch (Exception e) {
                    problems.add(e.toString());
                }
            }));
        }
        for (Thread phone : phones) {
            phone.join(Duration.ofMinutes(5));
        }

        String[] sent = keys.stream().map(UUID::toString).toArray(String[]::new);
        Map<String, Long> rows = rowsPerKey(sent);
        long kept = db.sql("select count(*) from checkin where idempotency_key::text = any(?) and withdrawn_at is null")
                .param(sent).query(Long.class).single();
        long withoutExercises = db.sql("""
                select count(*) from checkin c where c.idempotency_key::text = any(?)
                and not exists (select 1 from checkin_exercise e where e.checkin_id = c.id)""")
                .param(sent).query(Long.class).single();
        long undoEntries = auditCount("CHECKIN_WITHDRAWN") - undoEntriesBefore;
        System.out.printf("SCALE two instances: %d phones, %d check-ins, %d requests to instance A and %d to B,"
                        + " %d rows stored, %d kept, %d undo entries in the audit log, %d without exercises%n",
                programs.size(), keys.size(), toFirst.get(), toSecond.get(),
                rows.values().stream().mapToLong(Long::longValue).sum(), kept, undoEntries, withoutExercises);

        assertThat(problems).isEmpty();
        assertThat(keys).hasSize(programs.size() * rounds);
        assertThat(rows.keySet()).containsExactlyInAnyOrder(sent);
        assertThat(rows.values()).allMatch(n -> n == 1);
        assertThat(kept).isEqualTo(programs.size());
        assertThat(withoutExercises).isZero();
        assertThat(undoEntries).isEqualTo((long) programs.size() * (rounds - 1));
        assertThat(toFirst.get()).isPositive();
        assertThat(toSecond.get()).isPositive();
        assertChainsWhole();
    }

    @Test
    void wrong_passwords_on_both_instances_add_up_to_one_lockout_that_both_enforce() throws Exception {
        JdbcClient db = cluster.jdbc();
        UUID admin = db.sql("select id from app_user where email = ?").param(ADMIN).query(UUID.class).single();
        long lockoutsBefore = auditCount("SIGN_IN_LOCKED_OUT", admin);

        // Seven wrong passwords lock an account (SignInAttempts): four on one instance, three on the other.
        for (int attempt = 1; attempt <= 7; attempt++) {
            ChildApp app = attempt % 2 == 1 ? first : second;
            SignInClient client = new SignInClient(app.url(""), "203.0.113." + attempt);
            assertThat(SignInClient.location(client.signIn(ADMIN, "wrong-password-" + attempt))).contains("/login");
        }
        boolean lockedOnFirst = signsIn(first, "203.0.113.21");
        boolean lockedOnSecond = signsIn(second, "203.0.113.22");
        Integer failures = db.sql("select failures from sign_in_account where user_id = ?").param(admin)
                .query(Integer.class).single();
        boolean locked = db.sql("select locked_until > now() from sign_in_account where user_id = ?").param(admin)
                .query(Boolean.class).single();
        long lockouts = auditCount("SIGN_IN_LOCKED_OUT", admin) - lockoutsBefore;
        System.out.printf("SCALE lockout over two instances: 7 wrong passwords (4 on A, 3 on B), %d failures counted,"
                + " locked %s, right password then accepted on A: %s, on B: %s, lockout entries %d%n",
                failures, locked, lockedOnFirst, lockedOnSecond, lockouts);

        assertThat(failures).isEqualTo(7);
        assertThat(locked).isTrue();
        assertThat(lockedOnFirst).as("right password on instance A while locked").isFalse();
        assertThat(lockedOnSecond).as("right password on instance B while locked").isFalse();
        assertThat(lockouts).isEqualTo(1);
        assertChainsWhole();
    }

    @Test
    void a_staff_session_lives_on_its_own_instance_which_is_why_the_balancer_must_be_sticky() throws Exception {
        SignInClient therapist = new SignInClient(first.url(""), "198.51.100.40");
        assertThat(SignInClient.location(therapist.signIn(THERAPIST, PASSWORD))).doesNotContain("/login");
        assertThat(therapist.isSignedIn()).isTrue();
        String session = therapist.cookie("JSESSIONID");

        HttpResponse<String> onSecond = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(second.url("/patients")))
                        .header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(onSecond.statusCode()).isEqualTo(302);
        assertThat(SignInClient.location(onSecond)).endsWith("/login");
        assertThat(therapist.isSignedIn()).as("still signed in on its own instance").isTrue();
    }

    private static boolean signsIn(ChildApp app, String address) throws Exception {
        SignInClient client = new SignInClient(app.url(""), address);
        client.signIn(ADMIN, PASSWORD);
        return client.isSignedIn();
    }

    private static Map<String, Long> rowsPerKey(String[] keys) {
        Map<String, Long> rows = new java.util.HashMap<>();
        cluster.jdbc().sql("select idempotency_key::text, count(*) from checkin where idempotency_key::text = any(?)"
                        + " group by 1").param(keys)
                .query((rs, n) -> rows.put(rs.getString(1), rs.getLong(2))).list();
        return rows;
    }

    private static long auditCount(String action) {
        return cluster.jdbc().sql("select count(*) from audit_entry where action = ?").param(action)
                .query(Long.class).single();
    }

    private static long auditCount(String action, UUID user) {
        return cluster.jdbc().sql("select count(*) from audit_entry where action = ? and actor_id = ?")
                .params(action, user).query(Long.class).single();
    }

    /** Both instances append to the same per-clinic hash chains; every chain must still verify. */
    private static void assertChainsWhole() {
        List<AuditVerifier.Result> results = AuditChains.verifyAll(
                new DriverManagerDataSource(cluster.jdbcUrl(), "postgres", ""));
        assertThat(results).isNotEmpty();
        assertThat(results).allMatch(AuditVerifier.Result::ok);
    }
}
