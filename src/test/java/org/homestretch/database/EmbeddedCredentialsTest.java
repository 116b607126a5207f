package org.homestretch.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Another process on the clinic's server cannot open the embedded database without its password. */
class EmbeddedCredentialsTest {

    @Test
    void a_connection_without_the_password_is_refused_and_the_password_file_is_owner_only(@TempDir Path dataDir)
            throws Exception {
        var properties = new EmbeddedDatabaseProperties(dataDir, false);
        try (EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration().embeddedPostgres(properties)) {
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");

            Path file = dataDir.resolve(EmbeddedCredentials.PASSWORD_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            String password = Files.readString(file).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(40);
            try (var connection = DriverManager.getConnection(url, "postgres", password)) {
                assertThat(connection.isValid(2)).isTrue();
            }
            assertThat(Files.readAllLines(dataDir.resolve("pg_hba.conf")).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")))
                    .isNotEmpty().allSatisfy(line -> assertThat(line).endsWith("scram-sha-256").doesNotContain("trust"));
        }
    }

    @Test
    void a_folder_made_without_a_password_is_locked_down_on_its_next_start_and_keeps_its_data(@TempDir Path dataDir)
            throws Exception {
        // A data folder as the app made it before: initdb's trust rules, no password file.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                .start()) {
            JdbcClient.create(old.getPostgresDatabase()).sql("create table note (text text)").update();
            JdbcClient.create(old.getPostgresDatabase()).sql("insert into note values ('kept')").update();
        }
        assertThat(Files.readString(dataDir.resolve("pg_hba.conf"))).contains("trust");

        var properties = new EmbeddedDatabaseProperties(dataDir, false);
        var configuration = new EmbeddedPostgresConfiguration();
        for (int start = 0; start < 2; start++) {
            try (EmbeddedPostgres postgres = configuration.embeddedPostgres(properties)) {
                assertThat(JdbcClient.create(postgres.getPostgresDatabase()).sql("select text from note")
                        .query(String.class).list()).isEqualTo(List.of("kept"));
                String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
                assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                        .isInstanceOf(SQLException.class);
            }
        }
    }
}
