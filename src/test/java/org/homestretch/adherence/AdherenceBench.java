package org.homestretch.adherence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.homestretch.bench.Bench;
import org.homestretch.security.ClinicId;
import org.homestretch.security.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Bench cases for the adherence dashboard (run by {@link Bench}, never by the test suite): the
 * first page for a therapist with 500 patients and a year of check-ins each, through our
 * repository in a read-only transaction as the service calls it, against a floor that reads the
 * same figures from a per-patient daily roll-up made beforehand, and against the same repository
 * call outside a transaction, where the driver's cached generic plan is used (the page before
 * the fix). The data lives in a throw-away embedded PostgreSQL made on first use and generated in SQL.
 */
public final class AdherenceBench {

    public static final String DASHBOARD = "adherence: dashboard first page, 500 pts";
    public static final String FLOOR = "floor: same figures from a daily roll-up";
    public static final String GENERIC = "adherence: same, cached generic plan";
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
        TransactionTemplate readOnly = new TransactionTemplate(new JdbcTransactionManager(data.dataSource));
        readOnly.setReadOnly(true);
        Supplier<byte[]> firstPage = () -> {
            // What the grid asks for when the page opens: the count, then the first page.
            int count = repository.countAttention(scope, ZONE, TODAY, NOW);
            List<Attention> page = repository.attention(scope, ZONE, TODAY, NOW, 0, PAGE);
            return (count + " " + page).getBytes(StandardCharsets.UTF_8);
        };
        data.check(readOnly.execute(status -> repository.attention(scope, ZONE, TODAY, NOW, 0, PATIENTS)));
        return List.of(
                new Bench.Case(DASHBOARD, () -> readOnly.execute(status -> firstPage.get())),
                new Bench.Case(FLOOR, data::floor),
                new Bench.Case(GENERIC, firstPage));
    }

    public static List<Bench.Ratio> ratios() {
        return List.of(new Bench.Ratio(DASHBOARD, FLOOR), new Bench.Ratio(GENERIC, DASHBOARD));
    }

    /**
     * One row per program and day of the last 30: the day's done sessions (capped at the day's
     * prescribed sessions), what was due by the dashboard's rules, the day's pain and warning signs,
     * and the program's last check-in. A clinic could keep such a table up to date on every check-in
     * and program change; here it is made once, so reading it is the least the page could cost.
     */
    static final String ROLL_UP = """
            create table daily_rollup as
            with v as (
                select v.program_id, v.number, (v.published_at at time zone 'Europe/London')::date as starts,
                       max(i.times_per_day * i.days_per_week) / 7.0 as rate, max(i.times_per_day) as cap
                from program_version v join program_item i on i.program_version_id = v.id
                group by v.program_id, v.id),
            s as (select program_id, starts, rate, cap, lead(starts) over w as ends, min(starts) over w as began
                  from v window w as (partition by program_id order by number)),
            d as (select s.program_id, s.began, s.rate, s.cap, g::date as day
                  from s, generate_series(greatest(s.starts, cast(:today as date) - 29)::timestamp,
                          least(coalesce(s.ends - 1, cast(:today as date)), cast(:today as date))::timestamp,
                          interval '1 day') g),
            c as (select program_id, local_date, count(*) filter (where status = 'DONE') as done,
                         max(pain) as max_pain, sum(pain) as pain_sum, count(pain) as pain_n,
                         bool_or(cardinality(symptoms) > 0) as flagged
                  from checkin where withdrawn_at is null
                    and local_date between cast(:today as date) - 29 and cast(:today as date)
                  group by program_id, local_date),
            l as (select program_id, max(local_date) as last_day from checkin
                  where withdrawn_at is null and local_date <= cast(:today as date) group by program_id)
            select p.clinic_id, p.therapist_id, pr.patient_id, d.program_id, d.day, d.began,
                   least(coalesce(c.done, 0), d.cap) as done,
                   case when d.day in (d.began, cast(:today as date))
                        then least(d.rate, least(coalesce(c.done, 0), d.cap)) else d.rate end as due,
                   c.max_pain, coalesce(c.pain_sum, 0) as pain_sum, coalesce(c.pain_n, 0) as pain_n,
                   coalesce(c.flagged, false) as flagged, l.last_day
            from d join program pr on pr.id = d.program_id join patient p on p.id = pr.patient_id
            left join c on c.program_id = d.program_id and c.local_date = d.day
            left join l on l.program_id = d.program_id""";

    /** The dashboard's figures and order of reasons, summed from the roll-up's 30 rows per patient. */
    static final String FLOOR_SQL = """
            select * from (
                select patient_id, min(began) as began,
                       coalesce(sum(done) filter (where day > ?::date - 7), 0) as done7,
                       coalesce(sum(due) filter (where day > ?::date - 7), 0) as due7,
                       sum(done) as done30, sum(due) as due30,
                       max(max_pain) filter (where day > ?::date - 7) as max_pain,
                       sum(pain_sum) filter (where day > ?::date - 7)
                           / nullif(sum(pain_n) filter (where day > ?::date - 7), 0) as pain_now,
                       sum(pain_sum) filter (where day <= ?::date - 7 and day > ?::date - 14)
                           / nullif(sum(pain_n) filter (where day <= ?::date - 7 and day > ?::date - 14), 0)
                           as pain_before,
                       coalesce(bool_or(flagged) filter (where day > ?::date - 7), false) as red_flag,
                       max(last_day) as last_day
                from daily_rollup where clinic_id = ? and therapist_id = ?
                group by patient_id) f
            order by red_flag desc,
                     (coalesce(max_pain >= 7, false) or coalesce(pain_now - pain_before >= 2, false)) desc,
                     ?::date - coalesce(last_day, began) >= 3 desc,
                     (due7 > 0 and done7 < 0.5 * due7) desc,
                     case when due7 > 0 then done7 / due7 end nulls last, patient_id
            limit ?""";

    /** 500 patients of one therapist, each with a program of 1–3 versions over the year and its check-ins. */
    static final class Data {
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
            jdbc.sql(ROLL_UP).param("today", Date.valueOf(TODAY)).update();
            jdbc.sql("create index on daily_rollup (clinic_id, therapist_id)").update();
            jdbc.sql("analyze").update();
            int checkins = jdbc.sql("select count(*) from checkin").query(Integer.class).single();
            System.out.printf("adherence data: %d patients, %d check-ins over 365 days, made in %.1f s%n", PATIENTS,
                    checkins, (System.nanoTime() - start) / 1e9);
        }

        byte[] floor() {
            StringBuilder out = new StringBuilder();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(FLOOR_SQL)) {
                int i = 1;
                for (int k = 0; k < 10; k++) {
                    statement.setDate(i++, Date.valueOf(TODAY));
                }
                statement.setObject(i++, clinic.value());
                statement.setObject(i++, therapist.value());
                statement.setDate(i++, Date.valueOf(TODAY));
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

        /** The floor is only a floor if it reads the same figures: compare every patient's 7- and 30-day figures. */
        void check(List<Attention> all) {
            Map<UUID, double[]> floor = new HashMap<>();
            JdbcClient.create(dataSource).sql("""
                            select patient_id, sum(done) filter (where day > cast(:today as date) - 7) as done7,
                                   sum(due) filter (where day > cast(:today as date) - 7) as due7, sum(done) as done30, sum(due) as due30
                            from daily_rollup where clinic_id = :clinic group by patient_id""")
                    .param("today", Date.valueOf(TODAY)).param("clinic", clinic.value())
                    .query((rs, n) -> floor.put(rs.getObject("patient_id", UUID.class), new double[] {
                            rs.getDouble("done7"), rs.getDouble("due7"), rs.getDouble("done30"), rs.getDouble("due30")}))
                    .list();
            long same = all.stream().filter(a -> {
                double[] f = floor.get(a.patientId().value());
                return f != null && Math.abs(f[0] - a.week().done()) < 1e-6 && Math.abs(f[1] - a.week().prescribed()) < 1e-6
                        && Math.abs(f[2] - a.month().done()) < 1e-6 && Math.abs(f[3] - a.month().prescribed()) < 1e-6;
            }).count();
            System.out.printf("adherence floor: the roll-up gives the dashboard's 7- and 30-day figures for %d of %d "
                    + "patients%n", same, all.size());
        }
    }
}
