package org.homestretch.backup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.homestretch.security.CurrentUser;
import org.homestretch.support.MutableClock;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Backup files on the real demo database: names, retention, failures and who may start one. */
// The same configuration as the other demo-data tests, so that all share one running server.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "homestretch.public-url=http://localhost:${local.server.port:8080}")
@ActiveProfiles({"test", "demo"})
@ExtendWith(OutputCaptureExtension.class)
class BackupsTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    UserDetailsService users;
    @Autowired
    Backups backups;
    @Autowired
    EmbeddedPostgres embedded;
    @Value("${homestretch.checkin.key-file}")
    Path keyFile;

    @TempDir
    Path folder;

    @AfterEach
    void reset() {
        clock.reset();
        TestSignIn.out();
    }

    @Test
    void fifteen_nights_keep_the_newest_fourteen_and_never_remove_a_backup_made_with_back_up_now() throws Exception {
        Backups nightly = backupsInto(folder, dataSource);
        Instant first = Instant.parse("2026-03-01T02:30:00Z");
        clock.set(first.minus(Duration.ofHours(5)));
        nightly.run(false);
        // What a run killed mid-write leaves behind; the next run removes it.
        Path leftover = Files.createFile(folder.resolve(".homestretch-backup-2026-02-28T02-30-00Z-nightly.zip.part"));

        for (int night = 0; night < 15; night++) {
            clock.set(first.plus(Duration.ofDays(night)));
            nightly.run(true);
        }

        List<BackupFile> kept = new BackupFolder(folder).list();
        assertThat(kept.stream().filter(BackupFile::nightly).map(BackupFile::name)).hasSize(14)
                .first().isEqualTo("homestretch-backup-2026-03-15T02-30-00Z-nightly.zip");
        assertThat(kept.stream().filter(BackupFile::nightly).map(BackupFile::name)).last()
                .isEqualTo("homestretch-backup-2026-03-02T02-30-00Z-nightly.zip");
        assertThat(kept.stream().filter(f -> !f.nightly()).map(BackupFile::name))
                .containsExactly("homestretch-backup-2026-02-28T21-30-00Z-manual.zip");
        assertThat(leftover).doesNotExist();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).hasSize(15);
        }
        assertThat(Files.getPosixFilePermissions(folder.resolve(kept.getFirst().name())))
                .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    @Test
    void a_backup_that_fails_half_way_leaves_no_file_and_logs_no_database_text(CapturedOutput output) throws Exception {
        // A database account that may read every table but the audit trail: the backup fails after
        // it has written the tables before it.
        String role = "backup_reader_" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("create role " + role + " login password 'reader-password'").update();
        jdbc.sql("grant select on all tables in schema public to " + role).update();
        jdbc.sql("revoke select on audit_entry from " + role).update();
        try {
            PGSimpleDataSource limited = new PGSimpleDataSource();
            limited.setUrl(embedded.getJdbcUrl(role, "postgres"));
            limited.setPassword("reader-password");
            Path into = folder.resolve("backups");

            assertThatThrownBy(() -> backupsInto(into, limited).run(true))
                    .isInstanceOf(BackupException.class).hasMessageContaining("No file was written");

            try (Stream<Path> files = Files.list(into)) {
                assertThat(files).isEmpty();
            }
            // The app's own line gives the kind of error only (the database server's log is not ours).
            assertThat(output.getOut().lines().filter(line -> line.contains(Backups.class.getName() + " ")))
                    .singleElement().asString().contains("Backup failed, no file was written", "database error 42501")
                    .doesNotContain("permission denied", "audit_entry");
        } finally {
            jdbc.sql("drop owned by " + role).update();
            jdbc.sql("drop role " + role).update();
        }
    }

    @Test
    void back_up_now_is_for_admins_and_lands_in_the_configured_folder() {
        TestSignIn.as(users, "therapist@demo.homestretch.org");
        assertThatThrownBy(() -> backups.backUpNow()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> backups.list()).isInstanceOf(AccessDeniedException.class);

        TestSignIn.as(users, "admin@demo.homestretch.org");
        clock.set(Instant.parse("2026-04-01T09:15:00Z"));
        BackupFile made = backups.backUpNow();

        assertThat(made.nightly()).isFalse();
        assertThat(made.name()).startsWith("homestretch-backup-2026-04-01T09-15-00Z").endsWith("-manual.zip");
        assertThat(Path.of(backups.folder())).isEqualTo(Path.of("target/test-backups").toAbsolutePath());
        assertThat(backups.list()).extracting(BackupFile::name).contains(made.name());
        Manifest manifest = DatabaseLoad.manifest(Path.of(backups.folder()).resolve(made.name()));
        assertThat(manifest.accessKey()).isEqualTo(Manifest.KeySource.INCLUDED);
        assertThat(manifest.tables()).extracting(Manifest.Table::name).startsWith("clinic")
                .doesNotContain(Schema.FLYWAY_HISTORY);
        assertThat(manifest.tables()).filteredOn(t -> t.name().equals("app_user")).singleElement()
                .extracting(Manifest.Table::rows).isEqualTo(jdbc.sql("select count(*) from app_user").query(Long.class).single());
    }

    private Backups backupsInto(Path into, DataSource database) {
        return new Backups(database, clock, currentUser, new BackupFolder(into), 14, keyFile, false);
    }
}
