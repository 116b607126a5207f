package org.homestretch.fault;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults a clinic server meets, on a real PostgreSQL cluster the test stops and starts and an
 * app in a child JVM it can kill: a database outage in the middle of use, {@code kill -9} of the
 * app during a stream of check-ins, and PostgreSQL stopped with {@code -m immediate} during the
 * stream. Each ends with the same proof: every acknowledged check-in stored exactly once, no
 * check-in without its exercises, resends counted once. The figures go to the test's output
 * ({@code target/surefire-reports/org.homestretch.fault.FaultToleranceTest-output.txt}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {

    /** Kept after the run: the app's and PostgreSQL's logs are there when something fails. */
    static final Path folder = Path.of("target", "fault-tests").toAbsolutePath();

    static FaultCluster cluster;
    static final AtomicReference<ChildApp> app = new AtomicReference<>();
    static List<Phone> phones;

    @BeforeAll
    static void startClusterAndApp() throws Exception {
        org.springframework.util.FileSystemUtils.deleteRecursively(folder);
        java.nio.file.Files.createDirectories(folder);
        cluster = FaultCluster.create(folder);
        app.set(ChildApp.start(cluster, folder, "app-1"));
        app.get().awaitHealthy(Duration.ofSeconds(240));
        JdbcClient db = cluster.jdbc();
        // The demo check-ins are written in one transaction, last: once there are any, the demo is in place.
        await("demo data in place").atMost(Duration.ofSeconds(120))
                .until(() -> db.sql("select count(*) from checkin").query(Long.class).single() > 0);
        List<UUID> programs = db.sql("""
                select pr.id from program pr join patient pa on pa.id = pr.patient_id
                where not pa.archived and exists (select 1 from program_version v where v.program_id = pr.id)
                order by pr.id limit 3""").query(UUID.class).list();
        assertThat(programs).hasSize(3);
        phones = new java.util.ArrayList<>();
        for (UUID program : programs) {
            phones.add(Phone.signIn(db, program, app::get));
        }
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (app.get() != null) {
            app.get().close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void outage_mid_use_keeps_the_patients_answers_and_tells_the_therapist_plainly() throws Exception {
        Phone phone = phones.getFirst();
        UUID key = UUID.randomUUID();
        try (TherapistBrowser therapist = TherapistBrowser.signIn(app.get())) {
            String lastName = therapist.startNewPatient();

            cluster.stopFast();
            Phone.Answer failed = phone.checkIn(key, "Knee felt <stiff> & sore");
            Phone.Answer today = phone.get("/p/today");
            String therapistSaw = therapist.saveAndReadNotification();
            boolean editsKept = therapist.firstNameStillTyped();
            therapist.screenshot("outage-therapist");
            therapist.screenshotOfPhonePage(failed.body(), "outage-phone");
            double healthy;
            cluster.start();
            healthy = app.get().awaitHealthy(Duration.ofSeconds(10));
            therapist.saveAndAwaitPatientPage();

            assertThat(failed.status()).isEqualTo(503);
            assertThat(failed.body())
                    .contains("We could not save just now. Your answers are still here. Try again in a minute.")
                    .contains("name=\"key\" value=\"" + key + "\"")
                    .contains("Knee felt &lt;stiff&gt; &amp; sore")
                    .containsPattern("value=\"3\"\\s+checked");
            assertThat(failed.seconds()).as("seconds the phone waited on a dead database").isLessThan(6.0);
            assertThat(today.status()).isEqualTo(503);
            assertThat(today.location()).isNull();
            assertThat(today.body()).contains("Please try again in a minute").doesNotContain("password");
            assertThat(therapistSaw).contains("The database is not reachable; nothing you entered is lost")
                    .doesNotContain("Exception");
            assertThat(editsKept).isTrue();
            assertThat(cluster.jdbc().sql("select count(*) from patient where last_name = ?").param(lastName)
                    .query(Long.class).single()).isEqualTo(1);

            // The patient presses "Try again" after the break, and again: one check-in.
            Phone.Answer resent = phone.checkIn(key, "Knee felt <stiff> & sore");
            Phone.Answer again = phone.checkIn(key, "Knee felt <stiff> & sore");
            assertThat(resent.acknowledged()).isTrue();
            assertThat(again.location()).contains("repeated=1");
            assertThat(rowsFor(List.of(key))).containsExactly(Map.entry(key.toString(), 1L));
            phone.undo(resent.entry());
            System.out.printf("FAULT outage mid-use: patient post answered 503 in %.2f s, page in %.2f s, therapist"
                            + " message shown, healthy %.2f s after PostgreSQL returned, resend counted once%n",
                    failed.seconds(), today.seconds(), healthy);
        } finally {
            cluster.ensureRunning();
        }
    }

    @Test
    @Order(2)
    void postgres_stopped_immediately_during_a_stream_of_check_ins() throws Exception {
        KeyedStream stream = new KeyedStream(phones);
        awaitAcknowledged(stream, 30);
        stream.awaitCheckInInFlight();
        stream.outage.set(true);
        try {
            int before = stream.posts.get();
            cluster.stopImmediate();
            // Keep PostgreSQL down until the phones have posted into the outage, not for a fixed time.
            await("posts into the outage").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> stream.posts.get() >= before + 3);
        } finally {
            cluster.start();
        }
        double healthy = app.get().awaitHealthy(Duration.ofSeconds(10));
        stream.outage.set(false);
        awaitAcknowledged(stream, stream.acknowledgedCount() + 30);
        stream.finish();
        verify("PostgreSQL stopped -m immediate", stream, healthy);
    }

    @Test
    @Order(3)
    void app_killed_during_a_stream_of_check_ins_and_restarted() throws Exception {
        KeyedStream stream = new KeyedStream(phones);
        awaitAcknowledged(stream, 30);
        stream.awaitCheckInInFlight();
        stream.outage.set(true);
        app.get().kill9();
        ChildApp restarted = ChildApp.start(cluster, folder, "app-2");
        app.set(restarted);
        double healthy = restarted.awaitHealthy(Duration.ofSeconds(240));
        stream.outage.set(false);
        awaitAcknowledged(stream, stream.acknowledgedCount() + 30);
        stream.finish();
        verify("app killed with kill -9", stream, healthy);
    }

    private void verify(String fault, KeyedStream stream, double secondsToHealthy) {
        assertThat(stream.problems).isEmpty();
        List<UUID> sent = List.copyOf(stream.sent);
        Map<String, Long> rows = rowsFor(sent);
        long stored = rows.values().stream().mapToLong(Long::longValue).sum();
        long duplicates = rows.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        long halfWritten = cluster.jdbc().sql("""
                        select count(*) from checkin c where c.idempotency_key::text = any(?)
                        and not exists (select 1 from checkin_exercise e where e.checkin_id = c.id)""")
                .param(texts(sent)).query(Long.class).single();
        System.out.printf("FAULT %s: %d posts, %d check-ins acknowledged, %d stored, %d duplicates, %d without"
                        + " exercises, %d sent again after no answer (%d of them already saved), healthy after %.2f s,"
                        + " longest wait during the fault %.2f s%n", fault, stream.posts.get(), stream.acknowledged.size(),
                stored, duplicates, halfWritten, stream.resent.size(), stream.savedBeforeAnswered.get(), secondsToHealthy,
                stream.longestOutageWait.get());
        // Every key was sent until acknowledged; each acknowledged key is one row, resends included.
        assertThat(stream.acknowledged).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(rows.keySet()).containsExactlyInAnyOrder(texts(sent));
        assertThat(rows.values()).allMatch(n -> n == 1);
        assertThat(duplicates).isZero();
        assertThat(halfWritten).isZero();
    }

    private static Map<String, Long> rowsFor(List<UUID> keys) {
        return cluster.jdbc().sql("select idempotency_key::text, count(*) from checkin"
                        + " where idempotency_key::text = any(?) group by 1")
                .param(texts(keys))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String[] texts(List<UUID> keys) {
        return keys.stream().map(UUID::toString).toArray(String[]::new);
    }

    private static void awaitAcknowledged(KeyedStream stream, int count) throws InterruptedException {
        await("check-ins acknowledged").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> stream.acknowledgedCount() >= count || !stream.problems.isEmpty());
        assertThat(stream.problems).isEmpty();
        assertThat(stream.acknowledgedCount()).isGreaterThanOrEqualTo(count);
    }
}
