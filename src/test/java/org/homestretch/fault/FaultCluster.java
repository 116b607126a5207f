package org.homestretch.fault;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster in a fixed folder that a test can stop and start at will: made and
 * initialised by zonky (the same binaries the app embeds), then driven with their {@code pg_ctl},
 * on the same port each time so the app's URL stays valid across restarts.
 */
public final class FaultCluster implements AutoCloseable {

    private final Path dataDir;
    private final Path log;
    private final File pgCtl;
    private final int port;
    private boolean running;

    private FaultCluster(Path dataDir, File pgCtl, int port) {
        this.dataDir = dataDir;
        this.log = dataDir.resolveSibling("postgres.log");
        this.pgCtl = pgCtl;
        this.port = port;
    }

    public static FaultCluster create(Path folder) throws Exception {
        Path dataDir = folder.resolve("pgdata");
        int port = freePort();
        File pgDir;
        try (EmbeddedPostgres initial = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start()) {
            var field = EmbeddedPostgres.class.getDeclaredField("pgDir");
            field.setAccessible(true);
            pgDir = (File) field.get(initial);
        }
        FaultCluster cluster = new FaultCluster(dataDir, new File(pgDir, "bin/pg_ctl"), port);
        cluster.start();
        return cluster;
    }

    /** Starts the cluster again if a failed test left it stopped. */
    void ensureRunning() throws Exception {
        if (!running) {
            start();
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** Straight to the cluster, not through the app: for setting up and for counting rows. */
    public JdbcClient jdbc() {
        return JdbcClient.create(new DriverManagerDataSource(jdbcUrl(), "postgres", ""));
    }

    void start() throws Exception {
        // The durable settings the app insists on (DurabilityCheck), as the embedded server has them.
        pgCtl("-D", dataDir.toString(), "-l", log.toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -c listen_addresses=localhost -c fsync=on -c synchronous_commit=on"
                        + " -c full_page_writes=on", "start");
        running = true;
    }

    /** {@code fast}: clients are disconnected and the server shuts down cleanly. */
    void stopFast() throws Exception {
        pgCtl("-D", dataDir.toString(), "-w", "-t", "60", "-m", "fast", "stop");
        running = false;
    }

    /** {@code immediate}: no clean shutdown at all, as after a power cut; the next start replays the WAL. */
    void stopImmediate() throws Exception {
        pgCtl("-D", dataDir.toString(), "-w", "-t", "60", "-m", "immediate", "stop");
        running = false;
    }

    private void pgCtl(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; zonky does the same (a user namespace) for its own start.
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtl.getPath());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.resolveSibling("pg_ctl.log").toFile())).start();
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pg_ctl " + String.join(" ", args) + " failed; see "
                    + log.resolveSibling("pg_ctl.log") + " and " + log);
        }
    }

    @Override
    public void close() throws Exception {
        if (running) {
            stopFast();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
