package org.homestretch.bench;

import org.homestretch.adherence.AdherenceBench;
import org.homestretch.audit.AuditBench;
import org.homestretch.catalog.CatalogSearchBench;
import org.homestretch.checkin.CheckinWriteBench;
import org.homestretch.checkin.PatientPageBench;
import org.homestretch.checkin.SessionMemoryBench;
import org.homestretch.handout.HandoutBench;
import org.homestretch.load.LoadRun;
import org.homestretch.program.ProgramSaveBench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code bench} entry point: {@code ./mvnw -Pbench -q test-compile exec:java}. Benchmarks, not
 * tests: nothing here is run by {@code ./mvnw verify}. Each case is warmed up, then timed; the
 * table shows median, p95 and min wall-clock time per run and the size of what one run produced.
 * Add a case by returning it from a feature's {@code *Bench.cases()} and listing that feature in
 * {@link #features()} (see docs/PERFORMANCE.md).
 *
 * <p>Options (system properties): {@code -Dbench.warmup=50 -Dbench.iterations=200},
 * {@code -Dbench.out=some/folder} to keep each case's last output there for a look, and
 * {@code -Dbench.only=audit,checkin} to run only those features' cases (each starts nothing else).
 */
public final class Bench {

    /** One thing to measure: {@code run} does the whole job once and returns what it produced. */
    public record Case(String name, Supplier<byte[]> run) {
    }

    /** A ratio to print after the table: numerator's time over denominator's time (median and min). */
    public record Ratio(String numerator, String denominator) {
    }

    private record Result(String name, double medianMs, double p95Ms, double minMs, int bytes) {
    }

    private Bench() {
    }

    /**
     * What one feature brings to the bench: timed cases, the ratios to print after the table, and
     * reports (figures that are not a time per run, such as heap per session or start-up time), each
     * printing its own lines after the ratios.
     */
    public record Feature(Supplier<List<Case>> cases, Supplier<List<Ratio>> ratios, List<Runnable> reports) {

        static Feature timed(Supplier<List<Case>> cases, Supplier<List<Ratio>> ratios) {
            return new Feature(cases, ratios, List.of());
        }

        static Feature report(Runnable report) {
            return new Feature(List::of, List::of, List.of(report));
        }
    }

    /** Every feature by its {@code -Dbench.only} name, in the order they run; add new ones at the end. */
    static Map<String, Feature> features() {
        Map<String, Feature> features = new LinkedHashMap<>();
        features.put("handout", Feature.timed(HandoutBench::cases, HandoutBench::ratios));
        features.put("adherence", Feature.timed(AdherenceBench::cases, AdherenceBench::ratios));
        features.put("checkin", Feature.timed(PatientPageBench::cases, PatientPageBench::ratios));
        features.put("audit", Feature.timed(AuditBench::cases, AuditBench::ratios));
        features.put("save", new Feature(ProgramSaveBench::cases, ProgramSaveBench::ratios,
                List.of(ProgramSaveBench::report)));
        features.put("memory", Feature.report(SessionMemoryBench::report));
        features.put("startup", Feature.report(StartupBench::report));
        features.put("search", Feature.timed(CatalogSearchBench::cases, CatalogSearchBench::ratios));
        features.put("checkin-write", Feature.report(CheckinWriteBench::report));
        features.put("load", Feature.report(LoadRun::report));
        return features;
    }

    private static List<Feature> selected() {
        return features().entrySet().stream().filter(e -> runs(e.getKey())).map(Map.Entry::getValue).toList();
    }

    /** Whether {@code -Dbench.only} (comma-separated feature names) includes this feature; all run without it. */
    private static boolean runs(String feature) {
        String only = System.getProperty("bench.only");
        return only == null || List.of(only.split(",")).contains(feature);
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (RuntimeException | Error e) {
            // Without this, the servers the cases started keep the JVM (and exec:java) waiting forever.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() {
        int warmup = Integer.getInteger("bench.warmup", 50);
        int iterations = Integer.getInteger("bench.iterations", 200);
        System.out.println(machine());
        System.out.printf(Locale.ROOT, "warm-up %d, measured %d iterations per case%n%n", warmup, iterations);

        String outDir = System.getProperty("bench.out");
        List<Result> results = new ArrayList<>();
        List<Feature> selected = selected();
        for (Case c : selected.stream().flatMap(f -> f.cases().get().stream()).toList()) {
            results.add(measure(c, warmup, iterations));
            if (outDir != null) {
                save(c, Path.of(outDir));
            }
        }
        System.out.printf(Locale.ROOT, "| %-40s | %9s | %9s | %9s | %9s |%n", "case", "median ms", "p95 ms", "min ms",
                "output KB");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%n", "-".repeat(42), "-".repeat(11), "-".repeat(11),
                "-".repeat(11), "-".repeat(11));
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %-40s | %9.2f | %9.2f | %9.2f | %9.1f |%n", r.name(), r.medianMs(),
                    r.p95Ms(), r.minMs(), r.bytes() / 1024.0);
        }
        System.out.println();
        for (Ratio ratio : selected.stream().flatMap(f -> f.ratios().get().stream()).toList()) {
            Result n = find(results, ratio.numerator());
            Result d = find(results, ratio.denominator());
            System.out.printf(Locale.ROOT, "ratio %s / %s: %.2f on the median, %.2f on the min (difference %.3f ms "
                    + "on the median)%n", n.name(), d.name(), n.medianMs() / d.medianMs(), n.minMs() / d.minMs(),
                    n.medianMs() - d.medianMs());
        }
        for (Runnable report : selected.stream().flatMap(f -> f.reports().stream()).toList()) {
            System.out.println();
            report.run();
        }
        // The cases start Spring contexts and servers that hold non-daemon threads: end the run here.
        System.exit(0);
    }

    private static Result measure(Case c, int warmup, int iterations) {
        int bytes = 0;
        for (int i = 0; i < warmup; i++) {
            bytes = c.run().get().length;
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            byte[] out = c.run().get();
            nanos[i] = System.nanoTime() - start;
            bytes = out.length;
        }
        Arrays.sort(nanos);
        return new Result(c.name(), ms(nanos[(iterations - 1) / 2]), ms(nanos[(int) Math.ceil(iterations * 0.95) - 1]),
                ms(nanos[0]), bytes);
    }

    private static void save(Case c, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "-") + ".pdf"), c.run().get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Result find(List<Result> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No bench case named " + name));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "machine: %s%nOS: %s %s (%s)%nJava: %s (%s %s), max heap %d MB%nCPUs: %d",
                cpuModel(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"), rt.maxMemory() / (1024 * 1024), rt.availableProcessors());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU (no /proc/cpuinfo)";
        }
    }
}
