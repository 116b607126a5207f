package org.homestretch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar homestretch.jar generate-data} on fresh databases: the amounts asked for,
 * rows that make sense together, the same rows again from the same seed, other rows from
 * another, and a database that already holds clinics left untouched.
 */
class GenerateDataCommandLineTest {

    private static final String[] SMALL = {"--clinics=2", "--therapists=5", "--patients=41", "--exercises=60",
            "--days=90"};

    @Test
    void fills_an_empty_database_with_what_was_asked_and_the_same_again_from_the_same_seed() throws Exception {
        try (EmbeddedPostgres first = EmbeddedPostgres.start(); EmbeddedPostgres second = EmbeddedPostgres.start();
             EmbeddedPostgres third = EmbeddedPostgres.start()) {
            Run a = generate(first, "--seed=7");
            Run b = generate(second, "--seed=7");
            Run c = generate(third, "--seed=8");
            JdbcClient db = JdbcClient.create(first.getPostgresDatabase());

            assertThat(a.exit()).as(a.out()).isZero();
            assertThat(count(db, "select count(*) from clinic")).isEqualTo(2);
            assertThat(count(db, "select count(*) from app_user where role = 'THERAPIST'")).isEqualTo(5);
            assertThat(count(db, "select count(*) from app_user where role = 'ADMIN'")).isEqualTo(2);
            assertThat(db.sql("select count(*) from patient group by clinic_id order by 1").query(Long.class).list())
                    .containsExactly(20L, 21L);
            assertThat(count(db, "select count(*) from exercise where clinic_id is not null")).isEqualTo(60);
            assertThat(count(db, "select count(*) from program where patient_id is not null")).isEqualTo(41);
            // Every check-in falls between its program's start and today, on a version already published,
            // and lists that version's exercises; every patient has one to three versions.
            assertThat(count(db, "select count(*) from checkin")).isBetween(41L * 10, 41L * 91);
            assertThat(count(db, """
                    select count(*) from checkin c join program_version v on v.id = c.program_version_id
                    where c.local_date < v.published_at::date or c.local_date > current_date""")).isZero();
            assertThat(count(db, """
                    select count(*) from checkin c where not exists
                    (select 1 from checkin_exercise e where e.checkin_id = c.id)""")).isZero();
            assertThat(count(db, """
                    select count(*) from checkin c where (select count(*) from checkin_exercise e where e.checkin_id = c.id)
                    <> (select count(*) from program_item i where i.program_version_id = c.program_version_id)""")).isZero();
            assertThat(db.sql("select min(n), max(n) from (select count(*) n from program_version group by program_id) x")
                    .query((rs, i) -> List.of(rs.getInt(1), rs.getInt(2))).single()).containsExactly(1, 3);
            assertThat(count(db, "select count(*) from checkin where cardinality(symptoms) > 0")).isPositive();

            assertThat(b.exit()).isZero();
            assertThat(fingerprint(second)).isEqualTo(fingerprint(first));
            assertThat(c.exit()).isZero();
            assertThat(fingerprint(third)).isNotEqualTo(fingerprint(first));

            long checkins = count(db, "select count(*) from checkin");
            Run again = generate(first, "--seed=7");
            assertThat(again.exit()).isEqualTo(2);
            assertThat(again.out()).contains("only fills an empty database");
            assertThat(count(db, "select count(*) from clinic")).isEqualTo(2);
            assertThat(count(db, "select count(*) from checkin")).isEqualTo(checkins);
        }
    }

    @Test
    void a_bad_option_is_named_and_nothing_is_written() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            Run run = generate(postgres, "--patients=lots");

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.out()).contains("--patients needs a whole number, not \"lots\".");
            assertThat(count(JdbcClient.create(postgres.getPostgresDatabase()), "select count(*) from clinic")).isZero();
        }
    }

    private record Run(int exit, String out) {
    }

    /**
     * The command as a clinic runs it, in a JVM of its own: in this one its quiet logging settings
     * would outlive it and hide the warnings later tests look for.
     */
    private static Run generate(EmbeddedPostgres postgres, String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Application.class.getName(), "generate-data"));
        command.addAll(List.of(SMALL));
        command.addAll(List.of(options));
        command.addAll(List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                // zonky's throw-away servers run without fsync; the app refuses that unless told.
                "--homestretch.database.allow-unsafe-durability=true",
                "--homestretch.checkin.key-file=target/test-access.key"));
        java.io.File out = java.io.File.createTempFile("generate-data", ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out).start();
        // Not a timing assertion: only a guard against a hung child.
        assertThat(process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), java.nio.file.Files.readString(out.toPath(), StandardCharsets.UTF_8));
    }

    /** What the generator chose, without the times it ran at: names, dates, ids and answers. */
    private static Map<String, String> fingerprint(EmbeddedPostgres postgres) {
        JdbcClient db = JdbcClient.create(postgres.getPostgresDatabase());
        return Map.of(
                "patients", db.sql("select md5(string_agg(concat_ws('|', id, first_name, last_name, date_of_birth), ',' order by id))"
                        + " from patient").query(String.class).single(),
                "exercises", db.sql("select md5(string_agg(name, ',' order by name)) from exercise where clinic_id is not null")
                        .query(String.class).single(),
                "items", db.sql("select md5(string_agg(concat_ws('|', i.id, e.name, i.position), ',' order by i.id)) from program_item i"
                        + " join exercise e on e.id = i.exercise_id join program_version v on v.id = i.program_version_id"
                        + " join program pr on pr.id = v.program_id where pr.patient_id is not null")
                        .query(String.class).single(),
                "checkins", db.sql("select md5(string_agg(concat_ws('|', id, local_date, status, pain,"
                        + " array_to_string(symptoms, '+')), ',' order by id)) from checkin").query(String.class).single());
    }

    private static long count(JdbcClient db, String sql) {
        return db.sql(sql).query(Long.class).single();
    }
}
