package org.homestretch.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The app in its own JVM, started from the test's class path and pointed at the fault cluster
 * through {@code SPRING_DATASOURCE_URL}, as a clinic would run it against an external
 * database: it can be killed with {@code kill -9} without taking the test down.
 */
public final class ChildApp implements AutoCloseable {

    /** Fixed for the run, so the restarted app still knows the phone sessions made before the kill. */
    static final String ACCESS_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    final Path log;

    private ChildApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static ChildApp start(FaultCluster cluster, Path folder, String name) throws IOException {
        return start(cluster, folder, name, Map.of());
    }

    /** As above, with more environment variables for the app (e.g. a trusted proxy's headers). */
    public static ChildApp start(FaultCluster cluster, Path folder, String name, Map<String, String> extraEnv)
            throws IOException {
        int port = FaultCluster.freePort();
        Path log = folder.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx768m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "org.homestretch.Application"))
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("PORT", Integer.toString(port));
        env.put("SPRING_DATASOURCE_URL", cluster.jdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("SPRING_PROFILES_ACTIVE", "demo");
        env.put("HOMESTRETCH_DEMO_ALLOW_EXTERNAL_DATABASE", "true");
        env.put("HOMESTRETCH_ACCESS_KEY", ACCESS_KEY);
        env.putAll(extraEnv);
        Process process = builder.start();
        // Not left running if the test JVM itself is stopped half-way.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new ChildApp(process, port, log);
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Waits until {@code /actuator/health} says UP (the database answering included) and returns
     * the seconds it took; fails when the app died or took longer than {@code limit}.
     */
    public double awaitHealthy(Duration limit) throws Exception {
        long start = System.nanoTime();
        try {
            org.awaitility.Awaitility.await("app healthy").atMost(limit).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("The app stopped; see " + log + ":\n" + tail());
                        }
                        return healthy();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new IllegalStateException("Not healthy within " + limit.toSeconds() + " s; see " + log + ":\n" + tail());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                    .timeout(Duration.ofSeconds(8)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hooks, no graceful shutdown, connections dropped mid-request. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill9();
            }
        }
    }
}
