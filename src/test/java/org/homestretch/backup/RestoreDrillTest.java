package org.homestretch.backup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditChains;
import org.homestretch.audit.AuditLog;
import org.homestretch.audit.AuditVerifier;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;
import org.homestretch.checkin.AccessService;
import org.homestretch.checkin.CheckinEntry;
import org.homestretch.checkin.CheckinService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.security.CurrentUser;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The restore drill: the demo clinic plus new patients, check-ins and audit entries is backed
 * up, the file is restored with the restore command into a second, new PostgreSQL cluster, and
 * every table is compared by row count and a checksum of its content.
 */
// The same configuration as the other demo-data tests, so that all share one running server.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "homestretch.public-url=http://localhost:${local.server.port:8080}")
@ActiveProfiles({"test", "demo"})
class RestoreDrillTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    UserDetailsService users;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;
    @Autowired
    AccessService access;
    @Autowired
    CheckinService checkins;
    @Autowired
    AuditLog audit;
    @Autowired
    PlatformTransactionManager transactions;
    @Value("${homestretch.checkin.key-file}")
    Path keyFile;

    @TempDir
    Path folder;

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    @Test
    void a_backup_restored_into_a_new_cluster_has_every_row_of_every_table() throws Exception {
        populate();
        Backups backups = new Backups(dataSource, clock, currentUser, new BackupFolder(folder.resolve("backups")), 14,
                keyFile, false);
        BackupFile file = backups.run(false);
        Map<String, String> before = tableFigures(dataSource);

        try (EmbeddedPostgres restored = EmbeddedPostgres.builder().start()) {
            Path restoredKey = folder.resolve("restored/access.key");
            String[] target = {"--spring.datasource.url=" + restored.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres",
                    // Zonky's throw-away cluster runs without fsync; this one is only compared and dropped.
                    "--homestretch.database.allow-unsafe-durability=true",
                    "--homestretch.checkin.key-file=" + restoredKey};
            RestoreCommand.Result result = RestoreCommand.restore(folder.resolve("backups").resolve(file.name()), target);

            Map<String, String> after = tableFigures(restored.getPostgresDatabase());
            long rows = before.values().stream().mapToLong(f -> Long.parseLong(f.split(" ")[0])).sum();
            int mismatches = 0;
            for (String table : before.keySet()) {
                if (!before.get(table).equals(after.get(table))) {
                    mismatches++;
                    System.out.println("Restore drill mismatch in " + table + ": " + before.get(table) + " vs " + after.get(table));
                }
            }
            System.out.println("Restore drill: " + before.size() + " tables compared, " + rows + " rows compared, "
                    + mismatches + " mismatches; backup file " + file.bytes() + " bytes");
            assertThat(after).isEqualTo(before);
            assertThat(mismatches).isZero();
            assertThat(result.manifest().totalRows()).isEqualTo(rows);
            assertThat(before).containsKeys("patient", "checkin", "audit_entry", "program_access", "app_user");
            assertThat(rows).isGreaterThan(100);

            assertThat(sequences(restored.getPostgresDatabase())).isEqualTo(sequences(dataSource));
            assertThat(Files.readAllBytes(restoredKey)).isEqualTo(Files.readAllBytes(keyFile));
            List<AuditVerifier.Result> chains = AuditChains.verifyAll(restored.getPostgresDatabase());
            assertThat(chains).isNotEmpty().allSatisfy(chain -> assertThat(chain.ok()).as(chain.toString()).isTrue());
            assertThat(chains.stream().mapToLong(AuditVerifier.Result::entriesChecked).sum())
                    .isEqualTo(count(dataSource, "audit_entry"));
            System.out.println("Restore drill: " + chains.size() + " audit chains verified after restore, "
                    + chains.stream().mapToLong(AuditVerifier.Result::entriesChecked).sum() + " entries");

            // A second restore into the same, no longer empty, database is refused and changes nothing.
            assertThatThrownBy(() -> RestoreCommand.restore(folder.resolve("backups").resolve(file.name()), target))
                    .isInstanceOf(BackupException.class).hasMessageContaining("already holds data");
            assertThat(tableFigures(restored.getPostgresDatabase())).isEqualTo(before);
        }
    }

    /** A few new patients (with text COPY must escape), a program, a paper check-in and audit entries. */
    private void populate() {
        TestSignIn.as(users, "therapist@demo.homestretch.org");
        String tricky = "Tab\there, new\nline, back\\slash, quote \" ' , ümlaut, 🙂, \\N, end.";
        Patient first = patients.create(new PatientDetails("Drill", "Tester", null, "", "", "en", null, tricky));
        patients.create(new PatientDetails("Zoë", "O'Brien-\\", null, "", "", "en", null, "\\."));
        patients.create(new PatientDetails("Backup", "Drill", null, "", "", "en", null, ""));
        programs.publish(first.id(), 0, List.of(programs.newItem(catalog.find("bridge").orElseThrow().id())
                .withDosage(new Dosage(2, 10, 5, Sides.BOTH_TOGETHER, 1, 7))));
        access.ensure(first.id());
        checkins.recordFromPaper(first.id(), new CheckinEntry(UUID.randomUUID(), checkins.todayInClinic(), 1, true,
                Set.of(0), 2, null, Set.of(), null, tricky));
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            audit.record(AuditAction.PATIENT_OPENED, first.id().value(), "restore drill");
            audit.record(AuditAction.PATIENT_OPENED, first.id().value(), tricky);
        });
        TestSignIn.out();
    }

    /** Per table: its row count and an MD5 over every row's text, in a fixed order. */
    static Map<String, String> tableFigures(DataSource database) {
        JdbcClient client = JdbcClient.create(database);
        Map<String, String> figures = new TreeMap<>();
        for (String table : client.sql("select tablename from pg_tables where schemaname = 'public' "
                + "and tablename <> 'flyway_schema_history'").query(String.class).list()) {
            figures.put(table, client.sql("select count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\\n' "
                    + "order by t::text), '')) from \"" + table + "\" t").query(String.class).single());
        }
        return figures;
    }

    static Map<String, Long> sequences(DataSource database) {
        Map<String, Long> values = new TreeMap<>();
        JdbcClient.create(database).sql("select sequencename, coalesce(last_value, 0) from pg_sequences "
                + "where schemaname = 'public'").query((rs, i) -> values.put(rs.getString(1), rs.getLong(2))).list();
        return values;
    }

    static long count(DataSource database, String table) {
        return JdbcClient.create(database).sql("select count(*) from " + table).query(Long.class).single();
    }
}
