package org.homestretch.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts PostgreSQL inside the app when no external database is configured, so that a clinic
 * can run HomeStretch with nothing but a JDK. The embedded server is stopped after the
 * connection pool closes, because Spring destroys beans in reverse dependency order.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedPostgresConfiguration {

    /** Major version of the bundled binaries; a data folder from another major cannot be opened. */
    static final String POSTGRES_MAJOR_VERSION = "17";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        Path dataDir = properties.ephemeral()
                ? Files.createTempDirectory("homestretch-pg-")
                : properties.dataDir().toAbsolutePath().normalize();
        checkDataDirectory(dataDir);
        String password = EmbeddedCredentials.passwordFor(dataDir);
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(properties.ephemeral())
                    // Zonky turns these off for speed; a check-in must survive a crash or power cut.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setConnectConfig("password", password)
                    .start();
            EmbeddedCredentials.lockDown(postgres, dataDir, password);
            log.info("Embedded PostgreSQL {} started on port {} with data in {}",
                    POSTGRES_MAJOR_VERSION, postgres.getPort(), properties.ephemeral() ? "a temporary folder" : dataDir);
            return postgres;
        } catch (IOException | java.sql.SQLException | RuntimeException e) {
            throw new DatabaseStartupException(
                    "The embedded PostgreSQL could not start with its data in " + dataDir + ": " + e.getMessage(),
                    "Check that the folder is writable and not used by another running HomeStretch, and that "
                            + EmbeddedCredentials.PASSWORD_FILE + " in it is the one made with it (restore it from "
                            + "the backup of this folder), or set HOMESTRETCH_DATA_DIR to another folder.", e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        // Zonky's own data source carries the password given at start (see EmbeddedCredentials).
        dataSource.setDataSource(postgres.getPostgresDatabase());
        dataSource.setPoolName("homestretch-embedded");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    /** Refuses, with a plain instruction, a folder written by another PostgreSQL major version. */
    static void checkDataDirectory(Path dataDir) throws IOException {
        Path versionFile = dataDir.resolve("PG_VERSION");
        if (!Files.isRegularFile(versionFile)) {
            return;
        }
        String found = Files.readString(versionFile, StandardCharsets.US_ASCII).strip();
        if (!POSTGRES_MAJOR_VERSION.equals(found)) {
            throw new DatabaseStartupException(
                    "The data folder " + dataDir + " was created by PostgreSQL " + found
                            + ", but HomeStretch runs PostgreSQL " + POSTGRES_MAJOR_VERSION + ".",
                    "Keep the folder as it is. Either start the HomeStretch version that created it and export "
                            + "the data (pg_dump), or point HOMESTRETCH_DATA_DIR at a new, empty folder and restore "
                            + "the dump there (see README.md, 'Upgrading the embedded database').");
        }
    }
}
