package org.homestretch.generator;

import org.homestretch.catalog.CatalogException;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.ExerciseContent;
import org.homestretch.security.AsAccount;
import org.homestretch.security.ClinicId;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.security.NewAccount;
import org.homestretch.security.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code java -jar homestretch.jar generate-data [--clinics=20] [--therapists=200]
 * [--patients=10000] [--exercises=10000] [--days=365] [--seed=1]}: fills an EMPTY database
 * (refused otherwise, so it can never mix invented patients into a clinic's real ones).
 * <p>
 * Clinics and their admins go through the app's own provisioning and the exercises through
 * the catalog service (so names, search terms and checks are the app's); the bulk (patients,
 * programs, check-ins) is written by set-based statements in {@link GeneratorRepository}. All
 * generated exercises belong to the first clinic, so one clinic's search covers the whole
 * catalog. No audit entries are written: nobody opened or changed anything.
 */
@Component
public class DataGenerator {

    public static final String ARGUMENT = "generate-data";
    /** The password of every generated account; generated data is for test databases only. */
    static final String PASSWORD = "generated-stretch-data-2026";
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/London"), ZoneId.of("America/New_York"),
            ZoneId.of("Europe/Berlin"), ZoneId.of("Australia/Sydney"));

    private final GeneratorRepository repository;
    private final ClinicProvisioning provisioning;
    private final CatalogService catalog;
    private final AsAccount asAccount;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DataGenerator(GeneratorRepository repository, ClinicProvisioning provisioning, CatalogService catalog,
                  AsAccount asAccount, TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.provisioning = provisioning;
        this.catalog = catalog;
        this.asAccount = asAccount;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Prints each step with its time and returns the exit code: 0 done, 2 refused. */
    public int run(String[] args, PrintStream out) {
        GeneratorSettings settings;
        try {
            settings = GeneratorSettings.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("generate-data: " + e.getMessage());
            return 2;
        }
        if (repository.clinics() > 0) {
            out.println("generate-data: the database already holds clinics. It only fills an empty database,"
                    + " so that invented patients never mix with real ones.");
            return 2;
        }
        out.println("generate-data: " + settings);
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("UTC")));
        LocalDate periodStart = today.minusDays(settings.days());

        List<ClinicId> clinics = new ArrayList<>();
        List<String> admins = new ArrayList<>();
        long step = System.nanoTime();
        for (int n = 1; n <= settings.clinics(); n++) {
            String admin = String.format("admin@clinic%02d.generated.test", n);
            clinics.add(provisioning.createClinic(String.format("Generated clinic %02d", n), ZONES.get((n - 1) % ZONES.size()),
                    new NewAccount(String.format("Admin %02d", n), admin, PASSWORD, Role.ADMIN)));
            admins.add(admin);
        }
        for (int n = 1; n <= settings.clinics(); n++) {
            int share = share(settings.therapists(), settings.clinics(), n);
            UUID clinic = clinics.get(n - 1).value();
            String admin = admins.get(n - 1);
            int number = n;
            transactions.executeWithoutResult(t -> {
                repository.defineHashRandom();
                repository.insertTherapists(settings.seed(), number, clinic, Math.max(1, share), admin);
            });
        }
        out.printf("  %d clinics, %d therapists: %.1f s%n", settings.clinics(), settings.therapists(), seconds(step));

        step = System.nanoTime();
        int[] created = {0};
        asAccount.run(admins.getFirst(), () -> {
            for (ExerciseContent exercise : GeneratedCatalog.exercises(settings.seed())) {
                if (created[0] == settings.exercises()) {
                    break;
                }
                try {
                    catalog.create(exercise);
                    created[0]++;
                } catch (CatalogException nameTaken) {
                    // A built-in exercise has this name; the next combination will do.
                }
            }
        });
        out.printf("  %d exercises in %s: %.1f s%n", created[0], "Generated clinic 01", seconds(step));
        if (created[0] < settings.exercises()) {
            out.println("generate-data: only " + created[0] + " exercises could be made; stopped.");
            return 1;
        }

        long patients = 0;
        long checkins = 0;
        long checkinExercises = 0;
        step = System.nanoTime();
        int first = 0;
        for (int n = 1; n <= settings.clinics(); n++) {
            int share = share(settings.patients(), settings.clinics(), n);
            UUID clinic = clinics.get(n - 1).value();
            int from = first;
            long[] counts = transactions.execute(t -> {
                repository.defineHashRandom();
                int added = repository.insertPatients(settings.seed(), clinic, from, share, repository.therapists(clinic));
                repository.insertPrograms(settings.seed(), clinic, periodStart);
                int days = repository.insertCheckins(settings.seed(), clinic, today);
                int rows = repository.insertCheckinExercises(settings.seed(), clinic);
                return new long[] {added, days, rows};
            });
            first += share;
            patients += counts[0];
            checkins += counts[1];
            checkinExercises += counts[2];
            out.printf("  clinic %02d: %d patients, %d check-ins (%.1f s so far)%n", n, counts[0], counts[1], seconds(step));
        }
        repository.analyze();
        out.printf("generate-data: %d patients, %d check-ins with %d exercise rows in %.1f s. Every account's"
                + " password: %s%n", patients, checkins, checkinExercises, seconds(started), PASSWORD);
        return 0;
    }

    /** Clinic {@code n}'s part of {@code total}, the remainder going to the first clinics. */
    static int share(int total, int clinics, int n) {
        return total / clinics + (n <= total % clinics ? 1 : 0);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
