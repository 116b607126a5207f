package org.homestretch.checkin;

import com.zaxxer.hikari.HikariDataSource;
import org.homestretch.Application;
import org.homestretch.bench.Bench;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramId;
import org.homestretch.program.ProgramService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Check-in write throughput (a {@link Bench} report, never run by the test suite): patients'
 * check-ins saved through {@link CheckinService#record(PatientContext, CheckinEntry)} (what the
 * phone page's POST calls, without HTTP) with 1 and 8 threads, next to a raw JDBC insert of the
 * same rows in the same transactions (one check-in row and its exercise rows, one commit each),
 * on the app's own pool and embedded PostgreSQL (fsync on, as in production).
 * <p>
 * Each thread writes for its own patients only, so two threads never touch one patient; every
 * patient has a three-exercise program done twice a day, so a check-in is one check-in row and
 * three exercise rows. Between rounds the check-ins are deleted, so each round writes the same.
 */
public final class CheckinWriteBench {

    static final int CLINICS = 4;
    static final int PATIENTS_PER_CLINIC = 60;
    static final int SESSIONS = 2;
    /** Today and the days before that the phone page accepts. */
    static final int DAYS = CheckinService.LATE_DAYS + 1;
    static final String ROUNDS_PROPERTY = "bench.checkin.rounds";

    private record Slot(PatientContext patient, LocalDate date, int session) {
    }

    private record Round(String what, int threads, int checkins, double seconds, double p50Ms, double p95Ms) {
        double perSecond() {
            return checkins / seconds;
        }
    }

    /** One way of writing one check-in. */
    private interface Writer {
        void write(Slot slot) throws Exception;
    }

    private CheckinWriteBench() {
    }

    public static void report() {
        ConfigurableApplicationContext context = SpringApplication.run(Application.class,
                "--spring.profiles.active=test", "--server.port=0", "--logging.level.root=warn");
        try {
            run(context);
        } finally {
            context.close();
        }
    }

    private static void run(ConfigurableApplicationContext context) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        long started = System.nanoTime();
        List<List<PatientContext>> clinics = new ArrayList<>();
        for (int c = 0; c < CLINICS; c++) {
            clinics.add(patients(context, jdbc));
        }
        // The programs start ten days back, so every day the page accepts had one.
        jdbc.sql("update program_version set published_at = published_at - interval '10 days'").update();
        jdbc.sql("analyze").update();
        List<PatientContext> all = clinics.stream().flatMap(List::stream).toList();
        System.out.printf(Locale.ROOT, "checkin-write: %d patients in %d clinics made in %.1f s; pool: Hikari, %d "
                        + "connections (the app's setting)%n", all.size(), CLINICS, (System.nanoTime() - started) / 1e9,
                ((HikariDataSource) context.getBean(DataSource.class)).getMaximumPoolSize());

        CheckinService service = context.getBean(CheckinService.class);
        DataSource pool = context.getBean(DataSource.class);
        Writer throughService = slot -> service.record(slot.patient(), entry(slot));
        Known known = known(jdbc);
        Writer raw = slot -> rawInsert(pool, known, slot);

        // Warm-up: one untimed round of each, so the JIT and PostgreSQL's caches settle.
        round(jdbc, "warm-up", throughService, all, 8);
        round(jdbc, "warm-up", raw, all, 8);
        int rounds = Integer.getInteger(ROUNDS_PROPERTY, 1);
        List<Round> results = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            results.add(round(jdbc, "service", throughService, all, 1));
            results.add(round(jdbc, "raw JDBC", raw, all, 1));
            results.add(round(jdbc, "service", throughService, all, 8));
            results.add(round(jdbc, "raw JDBC", raw, all, 8));
            results.add(round(jdbc, "service, one clinic", throughService, clinics.getFirst(), 8));
        }
        print(results);
    }

    /** One clinic's patients, each with a three-exercise program done twice a day. */
    private static List<PatientContext> patients(ConfigurableApplicationContext context, JdbcClient jdbc) {
        TestAccounts clinic = new TestAccounts(context.getBean(ClinicProvisioning.class));
        PatientService patients = context.getBean(PatientService.class);
        ProgramService programs = context.getBean(ProgramService.class);
        CatalogService catalog = context.getBean(CatalogService.class);
        List<PatientContext> made = new ArrayList<>();
        TestSignIn.as(context.getBean(UserDetailsService.class), clinic.therapistEmail);
        try {
            for (int n = 0; n < PATIENTS_PER_CLINIC; n++) {
                Patient patient = patients.create(new PatientDetails("Pat", "Bench " + n, null, "", "", "en", null, ""));
                programs.publish(patient.id(), 0, List.of(
                        CheckinTestSupport.item(programs, catalog, "knee-to-chest", new Dosage(1, 3, 30, Sides.EACH_SIDE, SESSIONS, 7)),
                        CheckinTestSupport.item(programs, catalog, "bridge", new Dosage(2, 10, 5, Sides.BOTH_TOGETHER, SESSIONS, 5)),
                        CheckinTestSupport.item(programs, catalog, "hamstring-stretch", new Dosage(1, 3, 30, Sides.EACH_SIDE, SESSIONS, 7))));
                UUID program = jdbc.sql("select id from program where patient_id = :patient")
                        .param("patient", patient.id().value()).query(UUID.class).single();
                made.add(new PatientContext(UUID.randomUUID(), clinic.clinicId, new ProgramId(program), patient.id(),
                        "Pat", clinic.clinicName, "", "", "112", ZoneId.of("Europe/Berlin")));
            }
        } finally {
            TestSignIn.out();
        }
        return made;
    }

    /** Every slot of these patients (days the page accepts × sessions), each thread with its own patients. */
    private static Round round(JdbcClient jdbc, String what, Writer writer, List<PatientContext> patients, int threads) {
        jdbc.sql("delete from checkin").update();
        jdbc.sql("vacuum analyze checkin").update();
        jdbc.sql("vacuum analyze checkin_exercise").update();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        List<List<Slot>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(new ArrayList<>());
        }
        for (int p = 0; p < patients.size(); p++) {
            for (int d = 0; d < DAYS; d++) {
                for (int s = 1; s <= SESSIONS; s++) {
                    work.get(p % threads).add(new Slot(patients.get(p), today.minusDays(d), s));
                }
            }
        }
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (List<Slot> slots : work) {
                futures.add(executor.submit(() -> {
                    long[] nanos = new long[slots.size()];
                    for (int i = 0; i < slots.size(); i++) {
                        long t0 = System.nanoTime();
                        writer.write(slots.get(i));
                        nanos[i] = System.nanoTime() - t0;
                    }
                    return nanos;
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : futures) {
                all.add(f.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] nanos = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            int stored = jdbc.sql("select count(*) from checkin").query(Integer.class).single();
            if (stored != nanos.length) {
                throw new IllegalStateException(what + ": " + stored + " check-ins stored of " + nanos.length);
            }
            return new Round(what, threads, nanos.length, seconds, nanos[(nanos.length - 1) / 2] / 1e6,
                    nanos[(int) Math.ceil(nanos.length * 0.95) - 1] / 1e6);
        } catch (Exception e) {
            throw new IllegalStateException(what + " failed", e);
        } finally {
            executor.shutdownNow();
        }
    }

    private static CheckinEntry entry(Slot slot) {
        return new CheckinEntry(UUID.randomUUID(), slot.date(), slot.session(), true, Set.of(), 3, Difficulty.ABOUT_RIGHT,
                Set.of(), null, "");
    }

    /** What the raw insert needs to know up front: each program's version and the items every program has. */
    private record Known(Map<UUID, UUID> versionByProgram, List<Object[]> items) {
    }

    private static Known known(JdbcClient jdbc) {
        Map<UUID, UUID> versions = new HashMap<>();
        jdbc.sql("select program_id, id from program_version").query((rs, n) ->
                versions.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        List<Object[]> items = jdbc.sql("""
                        select i.position, i.exercise_id, e.name, i.sets, i.repetitions, i.hold_seconds, i.sides,
                            i.times_per_day, i.days_per_week, i.minutes
                        from program_item i join exercise e on e.id = i.exercise_id
                        where i.program_version_id = (select min(id::text)::uuid from program_version)
                        order by i.position""")
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getInt(10)})
                .list();
        return new Known(versions, items);
    }

    /**
     * The floor: the same rows, one transaction per check-in, with nothing else: no idempotency
     * read, no version lookup, no read-back; the check-in row, then its exercise rows in one JDBC
     * batch, then the commit. Column values as the service writes them.
     */
    private static void rawInsert(DataSource pool, Known known, Slot slot) throws SQLException {
        PatientContext patient = slot.patient();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            UUID checkin;
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into checkin (clinic_id, patient_id, program_id, program_version_id, local_date,
                        session_number, status, pain, difficulty, symptoms, comment, source, idempotency_key, created_at)
                    values (?, ?, ?, ?, ?, ?, 'DONE', 3, 'ABOUT_RIGHT', '{}', '', 'PATIENT', ?, ?)
                    returning id""")) {
                insert.setObject(1, patient.clinicId().value());
                insert.setObject(2, patient.patientId().value());
                insert.setObject(3, patient.programId().value());
                insert.setObject(4, known.versionByProgram().get(patient.programId().value()));
                insert.setObject(5, slot.date());
                insert.setInt(6, slot.session());
                insert.setObject(7, UUID.randomUUID());
                insert.setTimestamp(8, Timestamp.from(Instant.now()));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    checkin = rs.getObject(1, UUID.class);
                }
            }
            try (PreparedStatement items = connection.prepareStatement("""
                    insert into checkin_exercise (checkin_id, position, exercise_id, exercise_name, sets, repetitions,
                        hold_seconds, sides, times_per_day, days_per_week, minutes, done)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)""")) {
                for (Object[] item : known.items()) {
                    items.setObject(1, checkin);
                    for (int i = 0; i < item.length; i++) {
                        items.setObject(i + 2, item[i]);
                    }
                    items.addBatch();
                }
                items.executeBatch();
            }
            connection.commit();
        }
    }

    private static void print(List<Round> results) {
        double raw1 = best(results, "raw JDBC", 1);
        double raw8 = best(results, "raw JDBC", 8);
        System.out.println("Check-in writes: one check-in = 1 check-in row + 3 exercise rows, one transaction each");
        System.out.printf(Locale.ROOT, "| %-20s | %7s | %10s | %12s | %8s | %8s | %14s |%n", "how", "threads", "check-ins",
                "check-ins/s", "p50 ms", "p95 ms", "/ raw JDBC");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(22), "-".repeat(9), "-".repeat(12),
                "-".repeat(14), "-".repeat(10), "-".repeat(10), "-".repeat(16));
        for (Round r : results) {
            double raw = r.threads() == 1 ? raw1 : raw8;
            System.out.printf(Locale.ROOT, "| %-20s | %7d | %10d | %12.0f | %8.2f | %8.2f | %14.2f |%n", r.what(),
                    r.threads(), r.checkins(), r.perSecond(), r.p50Ms(), r.p95Ms(), r.perSecond() / raw);
        }
        System.out.println("(/ raw JDBC: check-ins per second over the best raw JDBC round with as many threads)");
    }

    private static double best(List<Round> results, String what, int threads) {
        return results.stream().filter(r -> r.what().equals(what) && r.threads() == threads)
                .mapToDouble(Round::perSecond).max().orElseThrow();
    }
}
