package org.homestretch.adherence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.homestretch.bench.Bench;
import org.homestretch.security.ClinicId;
import org.homestretch.security.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Bench cases for the adherence dashboard (run by {@link Bench}, never by the test suite): the
 * first page for a therapist with 500 patients and a year of check-ins each, through our
 * repository, against one hand-written SQL aggregate of the same figures over plain JDBC. The
 * data lives in a throw-away embedded PostgreSQL made on first use and generated in SQL.
 */
public final class AdherenceBench {

    public static final String DASHBOARD = "adherence: dashboard first page, 500 pts";
    public static final String BASELINE = "baseline: hand-written SQL aggregate";
    static final int PATIENTS = 500;
    static final int PAGE = 50;
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final Instant NOW = TODAY.atTime(10, 0).atZone(ZONE).toInstant();

    private AdherenceBench() {
    }

    public static List<Bench.Case> cases() {
        Data data = Data.get();
        AdherenceRepository repository = new AdherenceRepository(JdbcClient.create(data.dataSource));
        var scope = new AdherenceRepository.Scope(data.clinic, data.therapist, true, null, Set.of());
        return List.of(
                new Bench.Case(DASHBOARD, () -> {
                    // What the grid asks for when the page opens: the count, then the first page.
                    int count = repository.countAttention(scope, ZONE, TODAY, NOW);
                    List<Attention> page = repository.attention(scope, ZONE, TODAY, NOW, 0, PAGE);
                    return (count + " " + page).getBytes(StandardCharsets.UTF_8);
                }),
                new Bench.Case(BASELINE, () -> data.baseline()));
    }

    public static List<Bench.Ratio> ratios() {
        return List.of(new Bench.Ratio(DASHBOARD, BASELINE));
    }

    /**
     * The same figures (7- and 30-day adherence with the first-day and today rules, highest and
     * mean pain, warning symptoms, last check-in) and the same order of reasons, written as one
     * statement without reviews, filters or paging machinery, read with plain JDBC.
     */
    static final String HAND_WRITTEN = """
            with v as (
                select pr.id as program_id, pr.patient_id, pv.number, (pv.published_at at time zone ?)::date as starts,
                       max(i.times_per_day * i.days_per_week) / 7.0 as per_day, max(i.times_per_day) as cap
                from patient p join program pr on pr.patient_id = p.id
                join program_version pv on pv.program_id = pr.id join program_item i on i.program_version_id = pv.id
                where p.clinic_id = ? and p.therapist_id = ? and not p.archived
                group by pr.id, pv.id),
            s as (select *, lead(starts) over w as ends, min(starts) over w as began from v
                  window w as (partition by program_id order by number)),
            d as (select s.program_id, s.patient_id, s.began, s.per_day, s.cap, g::date as day
                  from s, generate_series(greatest(s.starts, ?::date - 29)::timestamp,
                                          least(coalesce(s.ends - 1, ?::date), ?::date)::timestamp, '1 day') g),
            a as (select d.patient_id, d.program_id, d.began, d.day,
                         least(count(c.id), d.cap) as done,
                         case when d.day in (d.began, ?::date) then least(d.per_day, least(count(c.id), d.cap))
                              else d.per_day end as due
                  from d left join checkin c on c.program_id = d.program_id and c.local_date = d.day
                       and c.withdrawn_at is null and c.status = 'DONE'
                  group by d.patient_id, d.program_id, d.began, d.day, d.per_day, d.cap),
            f as (select patient_id, program_id, min(began) as began,
                         sum(done) filter (where day > ?::date - 7) as done7, sum(due) filter (where day > ?::date - 7) as due7,
                         sum(done) as done30, sum(due) as due30
                  from a group by patient_id, program_id)
            select f.*, r.max_pain, r.pain_now, r.pain_before, r.red_flag, l.last_day
            from f
            left join lateral (select max(pain) filter (where local_date > ?::date - 7) as max_pain,
                                      avg(pain) filter (where local_date > ?::date - 7) as pain_now,
                                      avg(pain) filter (where local_date <= ?::date - 7) as pain_before,
                                      bool_or(cardinality(symptoms) > 0 and local_date > ?::date - 7) as red_flag
                               from checkin where program_id = f.program_id and withdrawn_at is null
                                 and local_date > ?::date - 14 and local_date <= ?::date) r on true
            left join lateral (select max(local_date) as last_day from checkin
                               where program_id = f.program_id and withdrawn_at is null) l on true
            order by coalesce(r.red_flag, false) desc,
                     (coalesce(r.max_pain >= 7, false) or coalesce(r.pain_now - r.pain_before >= 2, false)) desc,
                     ?::date - coalesce(l.last_day, f.began) >= 3 desc,
                     (f.due7 > 0 and f.done7 < 0.5 * f.due7) desc,
                     case when f.due7 > 0 then f.done7 / f.due7 end nulls last, f.patient_id
            limit ?""";

    /** 500 patients of one therapist, each with a program of 1–3 versions over the year and its check-ins. */
    private static final class Data {
        private static Data instance;
        final EmbeddedPostgres postgres;
        final DataSource dataSource;
        final ClinicId clinic;
        final UserId therapist;

        static synchronized Data get() {
            if (instance == null) {
                instance = new Data();
            }
            return instance;
        }

        private Data() {
            try {
                // Loading speed only: this database is thrown away when the bench ends.
                postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the process is ending anyway
                }
            }));
            // A connection pool, as in the app: each run borrows a connection instead of opening one.
            HikariConfig pool = new HikariConfig();
            pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            pool.setMaximumPoolSize(2);
            dataSource = new HikariDataSource(pool);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            long start = System.nanoTime();
            clinic = new ClinicId(jdbc.sql("insert into clinic (name, time_zone, created_at) values ('Bench', "
                    + "'Europe/London', now()) returning id").query(UUID.class).single());
            therapist = new UserId(jdbc.sql("""
                            insert into app_user (clinic_id, email, display_name, password_hash, role, created_at)
                            values (:clinic, 'bench@example.org', 'Bench Therapist', '{noop}x', 'THERAPIST', now())
                            returning id""").param("clinic", clinic.value()).query(UUID.class).single());
            UUID exercise = jdbc.sql("""
                            insert into exercise (slug, name, position, body_areas, equipment, in_bed, best_time,
                                steps, sets, repetitions, hold_seconds, sides, times_per_day, days_per_week,
                                search_terms, search_document, created_at, updated_at)
                            values ('bench-stretch', 'Bench stretch', 'LYING', '{LOWER_BACK}', '{}', false, 'ANY',
                                '{Stretch.}', 1, 5, 10, 'NONE', 1, 7, 'bench', to_tsvector('bench'), now(), now())
                            returning id""").query(UUID.class).single();
            jdbc.sql("select setseed(0.26)").query().singleRow();
            jdbc.sql("""
                            insert into patient (clinic_id, first_name, last_name, therapist_id, created_at, updated_at)
                            select :clinic, 'Patient', 'No. ' || n, :therapist, now(), now()
                            from generate_series(1, :n) n""")
                    .param("clinic", clinic.value()).param("therapist", therapist.value()).param("n", PATIENTS)
                    .update();
            jdbc.sql("""
                            insert into program (clinic_id, patient_id, current_version, created_at, updated_at)
                            select clinic_id, id, 1 + (abs(hashtext(id::text)) % 3), now(), now() from patient
                            where clinic_id = :clinic""").param("clinic", clinic.value()).update();
            // Versions a year ago, about half a year ago and two months ago.
            jdbc.sql("""
                            insert into program_version (program_id, number, published_at, changes)
                            select p.id, n, (cast(:today as date) - case n when 1 then 364 when 2 then 180 else 60 end
                                   + time '10:00') at time zone 'Europe/London', '{}'
                            from program p, generate_series(1, p.current_version) n where p.clinic_id = :clinic""")
                    .param("clinic", clinic.value()).param("today", Date.valueOf(TODAY)).update();
            jdbc.sql("""
                            insert into program_item (program_version_id, position, exercise_id, sets, repetitions,
                                hold_seconds, sides, times_per_day, days_per_week)
                            select v.id, k, :exercise, 1, 5, 10, 'NONE', 1 + (random() < 0.5)::int, 5 + floor(random() * 3)
                            from program_version v join program p on p.id = v.program_id, generate_series(0, 2) k
                            where p.clinic_id = :clinic""")
                    .param("clinic", clinic.value()).param("exercise", exercise).update();
            // Each patient keeps to the program with their own habit; a few report warning symptoms.
            jdbc.sql("""
                            insert into checkin (clinic_id, patient_id, program_id, program_version_id, local_date,
                                session_number, status, skip_reason, pain, symptoms, source, idempotency_key, created_at)
                            select g.clinic_id, g.patient_id, g.program_id, v.id, g.day::date, g.s,
                                   case when g.r < g.habit then 'DONE' else 'SKIPPED' end,
                                   case when g.r < g.habit then null else 'FORGOT' end,
                                   case when g.s = 1 and random() < 0.6 then floor(random() * 9)::int end,
                                   case when random() < 0.002 then '{SHARP_PAIN}'::text[] else '{}' end,
                                   'PATIENT', gen_random_uuid(), g.day + time '19:00'
                            from (select p.clinic_id, p.patient_id, p.id as program_id, day, s, random() as r, h.habit
                                  from program p
                                  -- Refers to p, so each program draws its own habit.
                                  cross join lateral (select 0.3 + 0.65 * random() as habit
                                                      where p.id is not null) h
                                  cross join generate_series(cast(:today as date) - 364, cast(:today as date),
                                                             '1 day') day
                                  cross join generate_series(1, 2) s
                                  where p.clinic_id = :clinic) g
                            cross join lateral (select id from program_version pv where pv.program_id = g.program_id
                                                  and (pv.published_at at time zone 'Europe/London')::date <= g.day
                                                order by number desc limit 1) v
                            where g.r < g.habit + 0.15""")
                    .param("clinic", clinic.value()).param("today", Date.valueOf(TODAY)).update();
            jdbc.sql("analyze").update();
            int checkins = jdbc.sql("select count(*) from checkin").query(Integer.class).single();
            System.out.printf("adherence data: %d patients, %d check-ins over 365 days, made in %.1f s%n", PATIENTS,
                    checkins, (System.nanoTime() - start) / 1e9);
        }

        byte[] baseline() {
            StringBuilder out = new StringBuilder();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(HAND_WRITTEN)) {
                int i = 1;
                statement.setString(i++, ZONE.getId());
                statement.setObject(i++, clinic.value());
                statement.setObject(i++, therapist.value());
                for (int k = 0; k < 13; k++) {
                    statement.setDate(i++, Date.valueOf(TODAY));
                }
                statement.setInt(i, PAGE);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        out.append(rs.getObject("patient_id")).append(' ').append(rs.getBigDecimal("done7")).append('/')
                                .append(rs.getBigDecimal("due7")).append('\n');
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
