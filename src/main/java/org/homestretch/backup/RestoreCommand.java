package org.homestretch.backup;

import org.flywaydb.core.Flyway;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code java -jar homestretch.jar restore <backup file>}: loads a backup into a new, empty
 * database, the embedded one in {@code HOMESTRETCH_DATA_DIR} or the one {@code SPRING_DATASOURCE_URL}
 * names. Only the database part of the app starts (no web server, no first-run setup, no
 * built-in catalog), the schema is built up to the backup's version, the rows are loaded, and then
 * the remaining migrations of this jar run, as on an ordinary upgrade.
 */
public final class RestoreCommand {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");

    private RestoreCommand() {
    }

    /** What a restore loaded. */
    record Result(Manifest manifest, String schemaVersionNow, String accessKey) {
    }

    /** For {@code Application.main}: {@code restore <file> [--spring.property=value ...]}; returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        if (args.length < 2) {
            out.println("Usage: java -jar homestretch.jar restore <backup file>  (see docs/OPERATIONS.md)");
            return 2;
        }
        try {
            Result result = restore(Path.of(args[1]), Arrays.copyOfRange(args, 2, args.length));
            out.println("Restored " + result.manifest().tables().size() + " tables with " + result.manifest().totalRows()
                    + " rows from the backup of " + result.manifest().created() + " (schema version "
                    + result.manifest().schemaVersion() + ", now " + result.schemaVersionNow() + ").");
            out.println(result.accessKey());
            return 0;
        } catch (BackupException e) {
            out.println("Nothing was restored: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            out.println("Nothing was restored: " + Backups.reason(e));
            return 1;
        }
    }

    static Result restore(Path backup, String... springArgs) throws Exception {
        Manifest manifest = DatabaseLoad.manifest(backup);
        String newest = newestMigration();
        if (compareVersions(manifest.schemaVersion(), newest) > 0) {
            throw new BackupException("The backup was made by a newer HomeStretch (schema version "
                    + manifest.schemaVersion() + "; this one knows up to " + newest + "). Restore it with that version.");
        }
        SpringApplication app = new SpringApplication(DatabaseOnly.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        String[] args = Stream.concat(Arrays.stream(springArgs),
                Stream.of("--spring.flyway.target=" + manifest.schemaVersion())).toArray(String[]::new);
        try (ConfigurableApplicationContext context = app.run(args)) {
            DatabaseLoad.load(context.getBean(DataSource.class), backup);
            Flyway upToDate = Flyway.configure().configuration(context.getBean(Flyway.class).getConfiguration())
                    .target("latest").load();
            upToDate.migrate();
            String now = upToDate.info().current() == null ? "" : upToDate.info().current().getVersion().getVersion();
            return new Result(manifest, now, restoreKey(backup, manifest, context.getEnvironment()));
        }
    }

    /** Puts the backup's access key where this server looks for it, never over a different key. */
    private static String restoreKey(Path backup, Manifest manifest, Environment environment) throws IOException {
        byte[] key = DatabaseLoad.accessKey(backup);
        if (key == null) {
            return manifest.accessKey() == Manifest.KeySource.ENVIRONMENT
                    ? "Access key: not in the backup (it was given in HOMESTRETCH_ACCESS_KEY); set the same value again."
                    : "Access key: not in the backup; patients' printed links and codes need new ones (see docs/CHECKIN.md).";
        }
        if (!environment.getProperty("homestretch.checkin.key", "").isBlank()) {
            return "Access key: HOMESTRETCH_ACCESS_KEY is set, so the backup's key file was not written; printed links "
                    + "work only if that is the same key.";
        }
        Path file = Path.of(environment.getProperty("homestretch.checkin.key-file", "data/access.key"))
                .toAbsolutePath().normalize();
        if (Files.isRegularFile(file)) {
            if (Arrays.equals(Files.readAllBytes(file), key)) {
                return "Access key: " + file + " is already the backup's key.";
            }
            Path aside = file.resolveSibling(file.getFileName() + ".from-backup");
            writeOwnerOnly(aside, key);
            return "Access key: " + file + " is a different key and was left alone; the backup's key is in " + aside
                    + ". Printed links and codes work only with the backup's key: move it into place before starting.";
        }
        writeOwnerOnly(file, key);
        return "Access key: written to " + file + ".";
    }

    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.write(file, content, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    }

    static String newestMigration() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql");
        return Arrays.stream(resources).map(Resource::getFilename).map(name -> {
            Matcher m = MIGRATION.matcher(name == null ? "" : name);
            return m.matches() ? m.group(1).replace('_', '.') : null;
        }).filter(v -> v != null).max(RestoreCommand::compareVersions).orElse("");
    }

    static int compareVersions(String a, String b) {
        Comparator<String> byNumber = Comparator.comparingLong(Long::parseLong);
        String[] x = a.isEmpty() ? new String[0] : a.split("\\.");
        String[] y = b.isEmpty() ? new String[0] : b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = byNumber.compare(i < x.length ? x[i] : "0", i < y.length ? y[i] : "0");
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * The app's database part only: the embedded server (or the external data source), the
     * durability check and Flyway. Not a component, so the app's own scan never picks it up.
     */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class})
    @ComponentScan("org.homestretch.database")
    @ConfigurationPropertiesScan("org.homestretch.database")
    static class DatabaseOnly {
    }
}
