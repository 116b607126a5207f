package org.homestretch.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresRestartTest {

    @Test
    void keeps_committed_data_in_its_folder_across_a_restart(@TempDir Path dataDir) throws Exception {
        var configuration = new EmbeddedPostgresConfiguration();
        var properties = new EmbeddedDatabaseProperties(dataDir, false);

        try (EmbeddedPostgres first = configuration.embeddedPostgres(properties)) {
            JdbcClient jdbc = JdbcClient.create(first.getPostgresDatabase());
            jdbc.sql("create table note (text varchar(40))").update();
            jdbc.sql("insert into note values ('kept')").update();
        }
        assertThat(Files.readString(dataDir.resolve("PG_VERSION")).strip()).isEqualTo("17");

        try (EmbeddedPostgres second = configuration.embeddedPostgres(properties)) {
            JdbcClient jdbc = JdbcClient.create(second.getPostgresDatabase());
            assertThat(jdbc.sql("select text from note").query(String.class).list()).containsExactly("kept");
        }
    }
}
