package org.homestretch.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DataDirectoryCheckTest {

    @Test
    void accepts_an_empty_folder_and_one_from_the_same_major_version(@TempDir Path dir) throws Exception {
        assertThatCode(() -> EmbeddedPostgresConfiguration.checkDataDirectory(dir)).doesNotThrowAnyException();
        Files.writeString(dir.resolve("PG_VERSION"), "17\n");
        assertThatCode(() -> EmbeddedPostgresConfiguration.checkDataDirectory(dir)).doesNotThrowAnyException();
    }

    @Test
    void explains_what_to_do_with_a_folder_from_another_major_version(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("PG_VERSION"), "16\n");

        DatabaseStartupException e = catchThrowableOfType(DatabaseStartupException.class,
                () -> EmbeddedPostgresConfiguration.checkDataDirectory(dir));

        assertThat(e.getMessage()).contains("PostgreSQL 16").contains("PostgreSQL 17").contains(dir.toString());
        assertThat(e.action()).contains("HOMESTRETCH_DATA_DIR").contains("pg_dump");
        // Reported by the failure analyzer as text, not as a stack trace.
        var analysis = new DatabaseStartupFailureAnalyzer().analyze(new IllegalStateException(e));
        assertThat(analysis.getDescription()).isEqualTo(e.getMessage());
        assertThat(analysis.getAction()).isEqualTo(e.action());
    }
}
