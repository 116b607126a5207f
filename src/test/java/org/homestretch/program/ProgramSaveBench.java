package org.homestretch.program;

import org.homestretch.Application;
import org.homestretch.bench.Bench;
import org.homestretch.bench.BenchApp;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.ExerciseId;
import org.homestretch.catalog.Sides;
import org.homestretch.handout.HandoutPrintBench;
import org.homestretch.handout.HandoutService;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientId;
import org.homestretch.patient.PatientService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.StatementCounter;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Saving a 10-exercise program version and printing its handout (run by {@link Bench}, never by
 * the test suite), each next to its floor, on the app's own embedded PostgreSQL: the service's
 * save against the same rows written with bare JDBC, and the service's print against two bare
 * reads and bare OpenPDF. The report counts the statements and transactions each one sends
 * ({@link StatementCounter}, under the pool).
 */
public final class ProgramSaveBench {

    public static final String SAVE = "save: 10-exercise program version";
    public static final String BARE_INSERTS = "baseline: bare inserts of the same rows";

    private static final String VERSION_ROW = """
            insert into program_version (program_id, number, published_at, published_by, changes)
            values (?, ?, ?, ?, ?) returning id""";
    private static final String ITEM_ROW = """
            insert into program_item (program_version_id, position, exercise_id, sets, repetitions, hold_seconds,
                sides, times_per_day, days_per_week, minutes, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static Setup setup;

    private ProgramSaveBench() {
    }

    /** The running app, a signed-in therapist, a patient whose program is saved again and again. */
    private record Setup(ConfigurableApplicationContext context, Authentication therapist, PatientId patient,
                         List<List<ProgramItem>> programs, ProgramId bareProgram, UUID therapistId,
                         ProgramVersionId printed, int[] version, int[] bareNumber) {
    }

    private static synchronized Setup setup() {
        if (setup != null) {
            return setup;
        }
        ConfigurableApplicationContext context = SpringApplication.run(Application.class,
                "--spring.profiles.active=test", "--server.port=0", "--logging.level.root=warn");
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        TestAccounts clinic = new TestAccounts(context.getBean(ClinicProvisioning.class));
        ProgramService programs = context.getBean(ProgramService.class);
        PatientService patients = context.getBean(PatientService.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        TestSignIn.as(context.getBean(UserDetailsService.class), clinic.therapistEmail);
        try {
            Authentication therapist = SecurityContextHolder.getContext().getAuthentication();
            List<ProgramItem> ten = jdbc.sql("select id from exercise where clinic_id is null and not archived "
                            + "and minutes = 0 order by slug limit 10")
                    .query(UUID.class).list().stream().map(id -> programs.newItem(new ExerciseId(id))).toList();
            // Two programs that differ in every dosage, saved in turn, so each save is a real change.
            List<ProgramItem> other = ten.stream().map(i -> i.withDosage(new Dosage(2, 8, 5, Sides.EACH_SIDE, 2, 5)))
                    .toList();
            PatientId patient = patients.create(new PatientDetails("Zoë", "Ångström", null, "", "", "en", null, "")).id();
            ProgramVersion first = programs.publish(patient, 0, ten);
            // The bare inserts go to another patient's program, numbered well away from the service's.
            PatientId bare = patients.create(new PatientDetails("Bare", "Inserts", null, "", "", "en", null, "")).id();
            programs.publish(bare, 0, ten);
            ProgramId bareProgram = programs.programOf(bare).orElseThrow();
            UUID therapistId = jdbc.sql("select id from app_user where lower(email) = lower(?)")
                    .param(clinic.therapistEmail).query(UUID.class).single();
            setup = new Setup(context, therapist, patient, List.of(ten, other), bareProgram, therapistId, first.id(),
                    new int[]{first.number()}, new int[]{1000});
            return setup;
        } finally {
            TestSignIn.out();
        }
    }

    public static List<Bench.Case> cases() {
        Setup s = setup();
        ProgramService programs = s.context().getBean(ProgramService.class);
        DataSource dataSource = s.context().getBean(DataSource.class);
        Supplier<byte[]> print = HandoutPrintBench.print(s.context().getBean(HandoutService.class), s.printed());
        return List.of(
                new Bench.Case(SAVE, () -> BenchApp.signedIn(s.therapist(), () -> save(s, programs))),
                new Bench.Case(BARE_INSERTS, () -> bareInsert(s, dataSource)),
                new Bench.Case(HandoutPrintBench.PRINT, () -> BenchApp.signedIn(s.therapist(), print)),
                new Bench.Case(HandoutPrintBench.BASELINE, HandoutPrintBench.bare(dataSource, s.printed())));
    }

    public static List<Bench.Ratio> ratios() {
        return List.of(new Bench.Ratio(SAVE, BARE_INSERTS), new Bench.Ratio(HandoutPrintBench.PRINT,
                HandoutPrintBench.BASELINE));
    }

    /** Statements and transactions of one run of each case, counted under the pool. */
    public static void report() {
        Setup s = setup();
        ProgramService programs = s.context().getBean(ProgramService.class);
        DataSource dataSource = s.context().getBean(DataSource.class);
        Supplier<byte[]> print = HandoutPrintBench.print(s.context().getBean(HandoutService.class), s.printed());
        Supplier<byte[]> bareRead = HandoutPrintBench.bare(dataSource, s.printed());
        System.out.println("statements sent per run (JDBC executes; a batch counts once), transactions (commits):");
        count(SAVE, () -> BenchApp.signedIn(s.therapist(), () -> save(s, programs)));
        count(BARE_INSERTS, () -> bareInsert(s, dataSource));
        count(HandoutPrintBench.PRINT, () -> BenchApp.signedIn(s.therapist(), print));
        count(HandoutPrintBench.BASELINE, bareRead);
    }

    private static void count(String name, Supplier<byte[]> run) {
        try (StatementCounter.Recording r = StatementCounter.start()) {
            run.get();
            long audit = r.statements().stream().filter(sql -> sql.contains("audit")
                    || sql.startsWith("set local lock_timeout")).count();
            System.out.printf(Locale.ROOT, "| %-40s | %2d statements (%d for audit entries) | %2d transactions |%n",
                    name, r.statementCount(), audit, r.transactions());
        }
    }

    private static byte[] save(Setup s, ProgramService programs) {
        int current = s.version()[0];
        ProgramVersion saved = programs.publish(s.patient(), current, s.programs().get(current % 2));
        s.version()[0] = saved.number();
        return new byte[0];
    }

    /** The floor of a save: one transaction, the version row, the ten items as one JDBC batch. */
    private static byte[] bareInsert(Setup s, DataSource dataSource) {
        List<ProgramItem> items = s.programs().get(s.bareNumber()[0] % 2);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement version = c.prepareStatement(VERSION_ROW);
                 PreparedStatement item = c.prepareStatement(ITEM_ROW)) {
                version.setObject(1, s.bareProgram().value());
                version.setInt(2, ++s.bareNumber()[0]);
                version.setTimestamp(3, Timestamp.from(Instant.now()));
                version.setObject(4, s.therapistId());
                version.setArray(5, c.createArrayOf("text", new String[]{"Bench"}));
                UUID versionId;
                try (var rs = version.executeQuery()) {
                    rs.next();
                    versionId = rs.getObject(1, UUID.class);
                }
                for (int i = 0; i < items.size(); i++) {
                    ProgramItem it = items.get(i);
                    Dosage d = it.dosage();
                    item.setObject(1, versionId);
                    item.setInt(2, i);
                    item.setObject(3, it.exerciseId().value());
                    item.setInt(4, d.sets());
                    item.setInt(5, d.repetitions());
                    item.setInt(6, d.holdSeconds());
                    item.setString(7, d.sides().name());
                    item.setInt(8, d.timesPerDay());
                    item.setInt(9, d.daysPerWeek());
                    item.setInt(10, d.minutes());
                    item.setString(11, it.note());
                    item.addBatch();
                }
                item.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new byte[0];
    }

}
