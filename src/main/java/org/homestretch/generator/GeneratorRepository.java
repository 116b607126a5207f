package org.homestretch.generator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The generator's bulk statements. Each builds its rows inside PostgreSQL from
 * {@code generate_series}; every "random" choice is a hash of the seed and the row's numbers
 * ({@code pg_temp.r}), so the same seed gives the same rows, ids included, whatever plan the
 * database picks. One statement per table per clinic keeps each transaction a sensible size.
 */
@Repository
class GeneratorRepository {

    private final JdbcClient jdbc;

    GeneratorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long clinics() {
        return jdbc.sql("select count(*) from clinic").query(Long.class).single();
    }

    /**
     * A number in [0, 1) from a text, the same every time: the first 48 bits of its MD5. A
     * session-local function, so nothing is left in the schema. Call once per connection.
     */
    void defineHashRandom() {
        jdbc.sql("""
                create or replace function pg_temp.r(key text) returns double precision
                language sql immutable parallel safe as
                $$ select ('x' || substr(md5(key), 1, 12))::bit(48)::bigint / 281474976710656.0 $$""").update();
    }

    /** The clinic's therapists, all with the admin's password, named from the seed. */
    void insertTherapists(long seed, int clinicNumber, UUID clinicId, int count, String adminEmail) {
        jdbc.sql("""
                insert into app_user (id, clinic_id, email, display_name, password_hash, role, created_at)
                select md5(:seed || ':therapist:' || :n || ':' || t)::uuid, :clinic,
                       format('therapist%s@clinic%s.generated.test', lpad(t::text, 3, '0'), lpad(:n::text, 2, '0')),
                       (array['Sam','Alex','Jo','Priya','Tom','Lena','Omar','Mia','Ravi','Ana'])
                           [1 + floor(10 * pg_temp.r(:seed || ':tf:' || :n || ':' || t))::int] || ' ' ||
                       (array['Lee','Khan','Smith','Novak','Garcia','Brown','Okafor','Chen','Silva','Berg'])
                           [1 + floor(10 * pg_temp.r(:seed || ':tl:' || :n || ':' || t))::int],
                       (select password_hash from app_user where email = :admin), 'THERAPIST', now()
                from generate_series(1, :count) t""")
                .param("seed", Long.toString(seed)).param("n", clinicNumber).param("clinic", clinicId)
                .param("count", count).param("admin", adminEmail).update();
    }

    List<UUID> therapists(UUID clinicId) {
        return jdbc.sql("select id from app_user where clinic_id = ? and role = 'THERAPIST' order by email")
                .param(clinicId).query(UUID.class).list();
    }

    /** Patients numbered {@code first}… for this clinic, shared round-robin among its therapists. */
    int insertPatients(long seed, UUID clinicId, int first, int count, List<UUID> therapists) {
        return jdbc.sql("""
                insert into patient (id, clinic_id, first_name, last_name, date_of_birth, therapist_id, created_at, updated_at)
                select md5(:seed || ':patient:' || g)::uuid, :clinic,
                       (array['Maria','John','Aisha','Peter','Grace','Liam','Noor','Eva','Karl','Rosa','Yusuf','Ines'])
                           [1 + floor(12 * pg_temp.r(:seed || ':pf:' || g))::int],
                       (array['Jones','Patel','Murphy','Wilson','Kowalski','Nguyen','Hughes','Costa','Ali','Fischer',
                              'Walsh','Ito'])[1 + floor(12 * pg_temp.r(:seed || ':pl:' || g))::int],
                       date '1940-01-01' + floor(25000 * pg_temp.r(:seed || ':pb:' || g))::int,
                       (:therapists::uuid[])[1 + (g % cardinality(:therapists::uuid[]))], now(), now()
                from generate_series(:first, :first + :count - 1) g""")
                .param("seed", Long.toString(seed)).param("clinic", clinicId).param("first", first)
                .param("count", count).param("therapists", therapists.toArray(UUID[]::new)).update();
    }

    /**
     * One program per patient of the clinic, with one to three versions (the first when the
     * patient started, within the first month of the period; the others 60 and 150 days later),
     * each of three to six exercises picked in a row from the clinic's pool.
     */
    void insertPrograms(long seed, UUID clinicId, LocalDate periodStart) {
        String s = Long.toString(seed);
        jdbc.sql("""
                insert into program (id, clinic_id, patient_id, current_version, created_at, updated_at)
                select md5(:seed || ':program:' || p.id)::uuid, :clinic, p.id,
                       1 + floor(3 * pg_temp.r(:seed || ':versions:' || p.id))::int, now(), now()
                from patient p where p.clinic_id = :clinic""")
                .param("seed", s).param("clinic", clinicId).update();
        jdbc.sql("""
                insert into program_version (id, program_id, number, published_at, published_by, changes)
                select md5(:seed || ':version:' || pr.id || ':' || v)::uuid, pr.id, v,
                       ((:start::date + floor(30 * pg_temp.r(:seed || ':start:' || pr.patient_id))::int
                           + case v when 1 then 0 when 2 then 60 else 150 end) + time '09:00') at time zone 'UTC',
                       pa.therapist_id, case when v = 1 then '{}'::text[] else array['Exercises changed'] end
                from program pr join patient pa on pa.id = pr.patient_id
                cross join lateral generate_series(1, pr.current_version) v
                where pr.clinic_id = :clinic""")
                .param("seed", s).param("clinic", clinicId).param("start", periodStart).update();
        jdbc.sql("""
                with pool as (
                    select id, row_number() over (order by clinic_id is not null, name) - 1 as k, count(*) over () as size
                    from exercise where (clinic_id is null or clinic_id = :clinic) and not archived)
                insert into program_item (id, program_version_id, position, exercise_id, sets, repetitions,
                                          hold_seconds, sides, times_per_day, days_per_week)
                select md5(:seed || ':item:' || v.id || ':' || i)::uuid, v.id, i, e.id, e.sets, e.repetitions,
                       e.hold_seconds, e.sides, 1, e.days_per_week
                from program_version v join program pr on pr.id = v.program_id
                cross join lateral generate_series(0, 2 + floor(4 * pg_temp.r(:seed || ':items:' || v.id))::int) i
                join pool on pool.k = (floor(pool.size * pg_temp.r(:seed || ':first:' || v.id))::bigint + i) % pool.size
                join exercise e on e.id = pool.id
                where pr.clinic_id = :clinic""")
                .param("seed", s).param("clinic", clinicId).update();
    }

    /**
     * A day's session for each patient and day of the period from their program's start: done
     * on most days for a keen patient and few for a reluctant one; a fifth of the patients stop
     * for good somewhere in the second half. Pain drifts down for two patients in three and up
     * for the others; one check-in in 300 reports an urgent sign, one in 3,000 an emergency one.
     */
    int insertCheckins(long seed, UUID clinicId, LocalDate today) {
        // Per program once (lateral k), per day one MD5 split into three rolls (x): the bulk of
        // the work is per row, so it is kept to one hash and no subquery.
        return jdbc.sql("""
                insert into checkin (id, clinic_id, patient_id, program_id, program_version_id, local_date,
                                     session_number, status, skip_reason, pain, difficulty, symptoms, source,
                                     idempotency_key, created_at)
                select md5(:seed || ':checkin:' || x.program_id || ':' || x.day)::uuid, :clinic, x.patient_id,
                       x.program_id, x.version_id, x.day, 1,
                       case when x.roll < x.keen then 'DONE' else 'SKIPPED' end,
                       case when x.roll < x.keen then null
                            else (array['NO_TIME','FORGOT','PAIN','NOT_SURE_HOW','OTHER'])[1 + floor(5 * x.roll2)::int] end,
                       greatest(0, least(10, round(x.pain_start + x.pain_drift * (x.day - x.started) / 365.0
                                                   + 2 * (x.roll2 - 0.5))))::smallint,
                       (array['EASY','ABOUT_RIGHT','ABOUT_RIGHT','HARD'])[1 + floor(4 * x.roll2)::int],
                       case when x.roll3 < 0.00033 then array['BLADDER_BOWEL']
                            when x.roll3 < 0.0036 then array['PAIN_DOWN_LEG'] else '{}'::text[] end,
                       'PATIENT', md5(:seed || ':key:' || x.program_id || ':' || x.day)::uuid,
                       (x.day + time '19:00') at time zone c.time_zone
                from (
                    select y.*, ('x' || substr(y.hash, 1, 10))::bit(40)::bigint / 1099511627776.0 as roll,
                           ('x' || substr(y.hash, 11, 10))::bit(40)::bigint / 1099511627776.0 as roll2,
                           ('x' || substr(y.hash, 21, 10))::bit(40)::bigint / 1099511627776.0 as roll3
                    from (
                        select pr.id as program_id, pr.patient_id, d::date as day, k.started, k.keen, k.pain_start,
                               k.pain_drift, k.stopped,
                               case when cardinality(k.days) >= 3 and d >= k.days[3] then k.ids[3]
                                    when cardinality(k.days) >= 2 and d >= k.days[2] then k.ids[2]
                                    else k.ids[1] end as version_id,
                               md5(:seed || ':day:' || pr.id || ':' || d::date) as hash
                        from program pr
                        cross join lateral (
                            select array_agg(v.id order by v.number) as ids,
                                   array_agg(v.published_at::date order by v.number) as days,
                                   min(v.published_at::date) as started,
                                   0.3 + 0.65 * pg_temp.r(:seed || ':keen:' || pr.id) as keen,
                                   3 + 5 * pg_temp.r(:seed || ':pain:' || pr.id) as pain_start,
                                   case when pg_temp.r(:seed || ':better:' || pr.id) < 0.67 then -4 else 2 end as pain_drift,
                                   case when pg_temp.r(:seed || ':lapses:' || pr.id) < 0.2
                                        then :today::date - floor(180 * pg_temp.r(:seed || ':lapse:' || pr.id))::int
                                        else :today::date + 1 end as stopped
                            from program_version v where v.program_id = pr.id) k
                        cross join lateral generate_series(k.started, :today::date, interval '1 day') d
                        where pr.clinic_id = :clinic and pr.patient_id is not null) y) x
                join clinic c on c.id = :clinic
                where x.day < x.stopped and x.roll < x.keen + (1 - x.keen) * 0.3""")
                .param("seed", Long.toString(seed)).param("clinic", clinicId).param("today", today).update();
    }

    /** Each check-in's exercises from its program version, most of them done on a done day. */
    int insertCheckinExercises(long seed, UUID clinicId) {
        return jdbc.sql("""
                insert into checkin_exercise (checkin_id, position, exercise_id, exercise_name, sets, repetitions,
                                              hold_seconds, sides, times_per_day, days_per_week, done)
                select c.id, i.position, i.exercise_id, e.name, i.sets, i.repetitions, i.hold_seconds, i.sides,
                       i.times_per_day, i.days_per_week,
                       c.status = 'DONE' and pg_temp.r(:seed || ':done:' || c.id || ':' || i.position) < 0.9
                from checkin c
                join program_item i on i.program_version_id = c.program_version_id
                join exercise e on e.id = i.exercise_id
                where c.clinic_id = :clinic""")
                .param("seed", Long.toString(seed)).param("clinic", clinicId).update();
    }

    void analyze() {
        jdbc.sql("analyze").update();
    }
}
