package org.homestretch.catalog;

import org.homestretch.bench.Bench;
import org.homestretch.bench.BenchApp;
import org.homestretch.generator.GeneratedExercises;
import org.homestretch.security.ClinicId;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.UserId;
import org.homestretch.support.TestAccounts;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Catalog search over 10,000 exercises (run by {@link Bench}, never by the test suite). Each
 * search case does what the catalog page does for one search as the signed-in therapist: the
 * count and the grid's first page of 50 through {@link CatalogService}, cycling through a few
 * queries of its kind. The baseline is the floor PostgreSQL gives for finding one exercise: a
 * plain JDBC {@code select ... where name = ?} through a btree index, on the same pool.
 */
public final class CatalogSearchBench {

    public static final String TYPO = "search: typo query";
    public static final String SYNONYM = "search: synonym/condition query";
    public static final String PREFIX = "search: prefix query";
    public static final String BASELINE = "baseline: exact name through an index";

    static final int EXERCISES = 10_000;
    /** Vaadin's grid asks for pages of 50. */
    static final int PAGE = 50;

    static final List<String> TYPOS = List.of("hamstrng strech", "piriformsi", "glutte raise", "sciatc nerve");
    static final List<String> SYNONYMS = List.of("sciatica", "can't get on the floor", "desk", "stiff in the morning");
    /** What the search box holds while a name is still being typed (the page searches 200 ms after a pause). */
    static final List<String> PREFIXES = List.of("hams", "pir", "glu", "side-ly", "kneel");

    private CatalogSearchBench() {
    }

    public static List<Bench.Case> cases() {
        ConfigurableApplicationContext context = BenchApp.start();
        TestAccounts clinic = new TestAccounts(context.getBean(ClinicProvisioning.class));
        Authentication therapist = BenchApp.therapist(context, clinic);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        List<String> names = fill(context, clinic.clinicId);
        // Only the baseline needs it: the app compares names in lower case (its own unique index),
        // so this index lives in the bench's database, not in a migration.
        jdbc.sql("create index exercise_name_idx on exercise (name)").update();
        String trigramCost = System.getProperty("bench.search.trigramCost");
        if (trigramCost != null) {
            // An experiment only (see docs/PERFORMANCE.md): how the plans change when PostgreSQL
            // knows that a trigram comparison is dear.
            jdbc.sql("alter function word_similarity_commutator_op(text, text) cost " + Integer.parseInt(trigramCost))
                    .update();
            jdbc.sql("alter function word_similarity_op(text, text) cost " + Integer.parseInt(trigramCost)).update();
            jdbc.sql("alter function word_similarity(text, text) cost " + Integer.parseInt(trigramCost)).update();
        }
        jdbc.sql("analyze exercise").update();
        String plan = String.join(" / ", jdbc.sql("explain select id, name from exercise where name = :name")
                .param("name", names.getFirst()).query(String.class).list());
        System.out.println("search bench: " + names.size() + " generated exercises; baseline plan: " + plan);
        if (!plan.contains("Index")) {
            throw new IllegalStateException("The baseline does not use the index: " + plan);
        }

        CatalogService catalog = context.getBean(CatalogService.class);
        SecurityContextHolder.getContext().setAuthentication(therapist);
        try {
            UserId user = context.getBean(CurrentUser.class).require().userId();
            for (String text : Stream.of(TYPOS, SYNONYMS, PREFIXES).flatMap(List::stream).toList()) {
                look(context.getBean(ExerciseRepository.class), jdbc, clinic.clinicId, user, text);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        DataSource pool = context.getBean(DataSource.class);
        Supplier<String> typo = cycling(TYPOS);
        Supplier<String> synonym = cycling(SYNONYMS);
        Supplier<String> prefix = cycling(PREFIXES);
        Supplier<String> name = cycling(names);
        return List.of(
                new Bench.Case(TYPO, () -> BenchApp.signedIn(therapist, () -> page(catalog, typo.get()))),
                new Bench.Case(SYNONYM, () -> BenchApp.signedIn(therapist, () -> page(catalog, synonym.get()))),
                new Bench.Case(PREFIX, () -> BenchApp.signedIn(therapist, () -> page(catalog, prefix.get()))),
                new Bench.Case(BASELINE, () -> exactName(pool, name.get())));
    }

    /** Each run takes the next of these, round and round. */
    private static Supplier<String> cycling(List<String> values) {
        AtomicInteger next = new AtomicInteger();
        return () -> values.get(next.getAndIncrement() % values.size());
    }

    public static List<Bench.Ratio> ratios() {
        return List.of(new Bench.Ratio(TYPO, BASELINE), new Bench.Ratio(SYNONYM, BASELINE),
                new Bench.Ratio(PREFIX, BASELINE));
    }

    /**
     * 10,000 of the data generator's invented exercises in the clinic, inserted by the catalog's own
     * statement ({@link ExerciseRepository#insertCustom}, which computes the search columns) in one
     * transaction; a name a built-in already has is passed over, as the generator does.
     */
    private static List<String> fill(ConfigurableApplicationContext context, ClinicId clinicId) {
        ExerciseRepository repository = context.getBean(ExerciseRepository.class);
        Set<String> taken = new HashSet<>();
        repository.builtInNames().forEach(n -> taken.add(n.toLowerCase(Locale.ROOT)));
        Instant now = Instant.now();
        long started = System.nanoTime();
        List<String> names = new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).execute(t ->
                GeneratedExercises.all(1).stream()
                        .filter(e -> taken.add(e.name().toLowerCase(Locale.ROOT)))
                        .limit(EXERCISES)
                        .peek(e -> repository.insertCustom(clinicId, CatalogService.newSlug(e.name()), e, List.of(), now))
                        .map(ExerciseContent::name)
                        .toList());
        System.out.printf(Locale.ROOT, "search bench: %d exercises inserted in %.1f s%n", names.size(),
                (System.nanoTime() - started) / 1e9);
        return names;
    }

    /**
     * Prints what a query finds and how long PostgreSQL takes for its two statements (EXPLAIN
     * ANALYZE); {@code -Dbench.search.plans=true} prints the whole plans.
     */
    private static void look(ExerciseRepository repository, JdbcClient jdbc, ClinicId clinic, UserId user,
                             String text) {
        CatalogQuery query = CatalogQuery.text(text);
        List<String> top = repository.search(clinic, user, query, 0, 3).stream().map(Exercise::name).toList();
        int count = repository.count(clinic, user, query);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  \"%s\": %d found, first %s;", text, count, top));
        for (ExerciseRepository.Statement statement : List.of(repository.countStatement(clinic, user, query),
                repository.searchStatement(clinic, user, query, 0, PAGE))) {
            List<String> plan = jdbc.sql("explain (analyze, buffers) " + statement.sql()).params(statement.params())
                    .query(String.class).list();
            if (Boolean.getBoolean("bench.search.plans")) {
                plan.forEach(l -> System.out.println("    " + l));
            }
            plan.stream().filter(l -> l.contains("Execution Time") || l.contains("Planning Time"))
                    .forEach(l -> line.append(' ').append(l.strip()));
        }
        System.out.println(line);
    }

    /** The catalog page's work for one search: how many match, then the first page. */
    private static byte[] page(CatalogService catalog, String text) {
        CatalogQuery query = CatalogQuery.text(text);
        int count = catalog.count(query);
        List<Exercise> first = catalog.search(query, 0, PAGE);
        StringBuilder out = new StringBuilder(count + " found\n");
        first.forEach(e -> out.append(e.name()).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] exactName(DataSource pool, String name) {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement("select id, name from exercise where name = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No exercise named " + name);
                }
                return rs.getString("name").getBytes(StandardCharsets.UTF_8);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
