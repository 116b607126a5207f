package org.homestretch.bench;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Bench report {@code startup} (run by {@link Bench}, never by the test suite): seconds from
 * launching the packaged jar in a new JVM to the first 200 from {@code /actuator/health}, with the
 * embedded PostgreSQL, cold (a new data folder: initdb, every migration) and warm (a restart on
 * that folder), median of {@code bench.startup.runs} (3) each. Two ways to run: the jar as built
 * ({@code java -jar target/homestretch.jar}) and the documented fast way, the jar extracted with
 * Spring Boot's tools and run with a JDK AOT cache made by one training run (docs/OPERATIONS.md).
 * Each row also splits the time by the app's log: the JVM and Spring until the database bean,
 * the embedded PostgreSQL, the migrations, then Spring and Vaadin until the app is ready.
 */
final class StartupBench {

    private static final Path JAR = Path.of("target", "homestretch.jar");
    private static final Path WORK = Path.of("target", "startup-bench");
    private static final int RUNS = Integer.getInteger("bench.startup.runs", 3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private StartupBench() {
    }

    static void report() {
        if (!Files.isRegularFile(JAR)) {
            System.out.println("startup: skipped, " + JAR + " is missing; build it first with "
                    + "./mvnw -B -o -q package -DskipTests");
            return;
        }
        try {
            deleteTree(WORK);
            Files.createDirectories(WORK);
            Path extracted = extract();
            Path aot = WORK.resolve("app.aot").toAbsolutePath();
            double training = train(extracted, aot);
            System.out.printf(Locale.ROOT, "startup: seconds from launch to the first 200 from /actuator/health, "
                    + "median of %d (training run for the AOT cache: %.1f s, cache %d MB)%n", RUNS, training,
                    Files.exists(aot) ? Files.size(aot) >> 20 : 0);
            System.out.printf(Locale.ROOT, "| %-38s | %-5s | %6s | %6s | %6s | %-44s |%n", "how it runs", "start", "median",
                    "min", "max", "split of the median run, s");
            System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%s|%n", "-".repeat(40), "-".repeat(7), "-".repeat(8),
                    "-".repeat(8), "-".repeat(8), "-".repeat(46));
            measure("java -jar homestretch.jar", List.of("-jar", JAR.toAbsolutePath().toString()));
            measure("extracted jar + JDK AOT cache", List.of("-XX:AOTCache=" + aot, "-jar", extracted.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code java -Djarmode=tools -jar homestretch.jar extract}: the classes as plain jars the JDK can cache. */
    private static Path extract() throws IOException, InterruptedException {
        Path into = WORK.resolve("extracted").toAbsolutePath();
        Process p = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", JAR.toAbsolutePath().toString(), "extract",
                "--destination", into.toString()).redirectErrorStream(true)
                .redirectOutput(WORK.resolve("extract.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("Extracting the jar failed; see " + WORK.resolve("extract.log"));
        }
        return into.resolve("homestretch.jar");
    }

    /** One start to healthy and a clean stop with {@code -XX:AOTCacheOutput}: the JVM writes the cache on exit. */
    private static double train(Path extracted, Path aot) throws IOException, InterruptedException {
        Path dir = WORK.resolve("training");
        Start s = start(List.of("-XX:AOTCacheOutput=" + aot, "-jar", extracted.toString()), dir);
        s.stop();
        return s.seconds;
    }

    private static void measure(String how, List<String> args) throws IOException, InterruptedException {
        List<Start> cold = new ArrayList<>();
        List<Start> warm = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Path dir = WORK.resolve(how.replaceAll("[^a-z]+", "-") + i);
            Start first = start(args, dir);
            first.stop();
            cold.add(first);
            Start again = start(args, dir);
            again.stop();
            warm.add(again);
            deleteTree(dir);
        }
        row(how, "cold", cold);
        row(how, "warm", warm);
    }

    private static void row(String how, String kind, List<Start> starts) {
        List<Start> sorted = starts.stream().sorted(Comparator.comparingDouble(s -> s.seconds)).toList();
        Start median = sorted.get((sorted.size() - 1) / 2);
        System.out.printf(Locale.ROOT, "| %-38s | %-5s | %6.1f | %6.1f | %6.1f | %-44s |%n", how, kind, median.seconds,
                sorted.getFirst().seconds, sorted.getLast().seconds, median.split);
    }

    /** Launches the app in {@code dir} (its data folder, key and backups there) and waits for health. */
    private static Start start(List<String> args, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx768m"));
        command.addAll(args);
        Path log = dir.resolve("app-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("PORT", Integer.toString(port));
        env.put("HOMESTRETCH_DATA_DIR", dir.toAbsolutePath().resolve("data/postgres").toString());
        env.put("HOMESTRETCH_ACCESS_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        env.put("HOMESTRETCH_BACKUP_CRON", "-");
        Instant launched = Instant.now();
        long t0 = System.nanoTime();
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        URI health = URI.create("http://localhost:" + port + "/actuator/health");
        try {
            // Polled often: the poll interval is part of the figure measured.
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> healthy(health) || !process.isAlive());
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("The app did not become healthy in 120 s; see " + log);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("The app stopped before it was healthy; see " + log);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Start(process, seconds, split(log, launched, seconds));
    }

    private static boolean healthy(URI health) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The time of a few log lines after launch: JVM and Spring until the embedded database starts,
     * PostgreSQL (initdb included when cold), the migrations, then the rest of Spring and Vaadin.
     */
    private static String split(Path log, Instant launched, double total) throws IOException {
        List<String> lines = Files.readAllLines(log);
        double jvm = at(lines, launched, "Starting Application");
        double pgStart = at(lines, launched, "Detected a Linux");
        double pgReady = at(lines, launched, "Embedded PostgreSQL 17 started");
        double migrated = at(lines, launched, "Successfully applied", "is up to date");
        double started = at(lines, launched, "Started Application");
        return String.format(Locale.ROOT, "jvm %.1f, spring %.1f, pg %.1f, flyway %.1f, spring+vaadin %.1f",
                jvm, pgStart - jvm, pgReady - pgStart, migrated - pgReady, total - migrated);
    }

    /** Seconds after launch of the first log line containing any of the markers (NaN if none). */
    private static double at(List<String> lines, Instant launched, String... markers) {
        for (String line : lines) {
            for (String marker : markers) {
                if (line.contains(marker) && line.length() > 29) {
                    try {
                        Instant when = OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant();
                        return Duration.between(launched, when).toMillis() / 1000.0;
                    } catch (RuntimeException e) {
                        // not a timestamped line
                    }
                }
            }
        }
        return Double.NaN;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private record Start(Process process, double seconds, String split) {

        /** SIGTERM, as a service manager stops it: graceful shutdown, PostgreSQL stopped cleanly. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
