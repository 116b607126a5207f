package org.homestretch.adherence;

import org.homestretch.checkin.Symptom;
import org.homestretch.patient.PatientId;
import org.homestretch.security.ClinicId;
import org.homestretch.security.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * SQL over the check-ins (withdrawn ones never count), the program versions they answer and the
 * reviews. Every query names the clinic. The dashboard's figures are computed here, in one
 * statement per page, so that no check-in travels to Java to be counted.
 */
@Repository
class AdherenceRepository {

    /** Who is on the dashboard and which reasons to keep; {@code patient} narrows it to one record. */
    record Scope(ClinicId clinic, UserId user, boolean mineOnly, PatientId patient, Set<Reason> reasons) {
    }

    /**
     * The formula of {@link AdherenceFormula} for every patient in scope, over the last 30 days,
     * then each reason, then whether a review still covers it. Parameters: clinic, user, mine,
     * patient, tz, today, now, reasons.
     */
    static final String ATTENTION = """
            with scope as (
                select p.id as patient_id, p.first_name, p.last_name, pr.id as program_id
                from patient p join program pr on pr.patient_id = p.id
                where p.clinic_id = :clinic and not p.archived and pr.current_version > 0
                  and (not :mine or p.therapist_id = :user)
                  and (cast(:patient as uuid) is null or p.id = cast(:patient as uuid))
            ),
            versions as (
                select v.program_id, v.number, (v.published_at at time zone :tz)::date as starts,
                       max(i.times_per_day * i.days_per_week) as per_week, max(i.times_per_day) as per_day
                from scope s
                join program_version v on v.program_id = s.program_id
                join program_item i on i.program_version_id = v.id
                group by v.program_id, v.id
            ),
            spans as (
                select program_id, starts, per_week, per_day,
                       lead(starts) over (partition by program_id order by number) as ends,
                       min(starts) over (partition by program_id) as began
                from versions
            ),
            days as (
                select s.program_id, s.began, s.per_week, s.per_day, d::date as day
                from spans s
                cross join lateral generate_series(greatest(s.starts, cast(:today as date) - 29)::timestamp,
                        least(coalesce(s.ends - 1, cast(:today as date)), cast(:today as date))::timestamp,
                        interval '1 day') d
            ),
            done_days as (
                select c.program_id, c.local_date, count(*) as done
                from scope s join checkin c on c.program_id = s.program_id
                where c.clinic_id = :clinic and c.withdrawn_at is null and c.status = 'DONE'
                  and c.local_date between cast(:today as date) - 29 and cast(:today as date)
                group by c.program_id, c.local_date
            ),
            counted as (
                select d.program_id, d.day, least(coalesce(dd.done, 0), d.per_day) as done,
                       case when d.day = cast(:today as date) or d.day = d.began
                            then least(d.per_week / 7.0, least(coalesce(dd.done, 0), d.per_day))
                            else d.per_week / 7.0 end as prescribed
                from days d left join done_days dd on dd.program_id = d.program_id and dd.local_date = d.day
            ),
            adherence as (
                select program_id,
                       coalesce(sum(done) filter (where day > cast(:today as date) - 7), 0) as done7,
                       coalesce(sum(prescribed) filter (where day > cast(:today as date) - 7), 0) as prescribed7,
                       sum(done) as done30, sum(prescribed) as prescribed30
                from counted group by program_id
            ),
            recent as (
                select c.program_id,
                       max(c.pain) filter (where c.local_date > cast(:today as date) - 7) as max_pain,
                       avg(c.pain) filter (where c.local_date > cast(:today as date) - 7) as pain_now,
                       avg(c.pain) filter (where c.local_date <= cast(:today as date) - 7) as pain_before,
                       max(c.local_date) filter (where cardinality(c.symptoms) > 0
                           and c.local_date > cast(:today as date) - 7) as red_flag_day,
                       string_agg(array_to_string(c.symptoms, ','), ',') filter (where cardinality(c.symptoms) > 0
                           and c.local_date > cast(:today as date) - 7) as red_flags,
                       max(c.created_at) filter (where cardinality(c.symptoms) > 0) as red_flag_at,
                       max(c.created_at) filter (where c.pain >= 7) as high_pain_at,
                       max(c.created_at) as last_at
                from scope s join checkin c on c.program_id = s.program_id
                where c.clinic_id = :clinic and c.withdrawn_at is null
                  and c.local_date > cast(:today as date) - 14 and c.local_date <= cast(:today as date)
                group by c.program_id
            ),
            latest as (
                select s.program_id,
                       (select max(c.local_date) from checkin c where c.program_id = s.program_id
                          and c.withdrawn_at is null and c.local_date <= cast(:today as date)) as last_day
                from scope s
            ),
            reviews as (
                select distinct on (r.patient_id, r.reason) r.patient_id, r.reason, r.reviewed_at,
                       coalesce(u.display_name, 'a former colleague') as reviewer
                from scope s join adherence_review r on r.patient_id = s.patient_id
                left join app_user u on u.id = r.reviewed_by
                where r.clinic_id = :clinic and r.reviewed_at > cast(:now as timestamptz) - interval '7 days'
                order by r.patient_id, r.reason, r.reviewed_at desc
            ),
            figures as (
                select s.patient_id, s.first_name, s.last_name, b.began,
                       a.done7, a.prescribed7, a.done30, a.prescribed30,
                       r.max_pain, r.pain_now, r.pain_before, cast(:today as date) - r.red_flag_day as red_flag_days_ago,
                       r.red_flags,
                       r.red_flag_at, r.high_pain_at, r.last_at, l.last_day,
                       cast(:today as date) - coalesce(l.last_day, b.began) as quiet_days,
                       r.red_flag_day is not null as red_flag,
                       coalesce(r.max_pain >= 7, false) or coalesce(r.pain_now - r.pain_before >= 2, false) as pain,
                       cast(:today as date) - coalesce(l.last_day, b.began) >= 3 as no_checkin,
                       a.prescribed7 > 0 and a.done7 < 0.5 * a.prescribed7 as low_adherence
                from scope s
                join (select program_id, min(starts) as began from versions group by program_id) b
                     on b.program_id = s.program_id
                join adherence a on a.program_id = s.program_id
                join latest l on l.program_id = s.program_id
                left join recent r on r.program_id = s.program_id
            ),
            judged as (
                select f.*,
                       v1.reviewed_at as red_flag_reviewed_at, v1.reviewer as red_flag_reviewer,
                       v2.reviewed_at as pain_reviewed_at, v2.reviewer as pain_reviewer,
                       v3.reviewed_at as no_checkin_reviewed_at, v3.reviewer as no_checkin_reviewer,
                       v4.reviewed_at as low_adherence_reviewed_at, v4.reviewer as low_adherence_reviewer,
                       f.red_flag and (v1.reviewed_at is null or coalesce(f.red_flag_at > v1.reviewed_at, false))
                           as red_flag_open,
                       f.pain and (v2.reviewed_at is null or coalesce(f.high_pain_at > v2.reviewed_at, false))
                           as pain_open,
                       f.no_checkin and (v3.reviewed_at is null or coalesce(f.last_at > v3.reviewed_at, false))
                           as no_checkin_open,
                       f.low_adherence and v4.reviewed_at is null as low_adherence_open
                from figures f
                left join reviews v1 on v1.patient_id = f.patient_id and v1.reason = 'RED_FLAG'
                left join reviews v2 on v2.patient_id = f.patient_id and v2.reason = 'PAIN'
                left join reviews v3 on v3.patient_id = f.patient_id and v3.reason = 'NO_CHECKIN'
                left join reviews v4 on v4.patient_id = f.patient_id and v4.reason = 'LOW_ADHERENCE'
            )
            select * from judged
            where cardinality(cast(:reasons as text[])) = 0
               or ('RED_FLAG' = any(cast(:reasons as text[])) and red_flag)
               or ('PAIN' = any(cast(:reasons as text[])) and pain)
               or ('NO_CHECKIN' = any(cast(:reasons as text[])) and no_checkin)
               or ('LOW_ADHERENCE' = any(cast(:reasons as text[])) and low_adherence)
            """;

    /**
     * Most urgent open reason first (an emergency sign before any other warning sign), then how many
     * reasons hold, then the lowest week, then the name.
     */
    static final String ORDER = """
            order by (red_flag_open and coalesce(red_flags ~ '%s', false)) desc, red_flag_open desc, pain_open desc, no_checkin_open desc, low_adherence_open desc,
                     red_flag::int + pain::int + no_checkin::int + low_adherence::int desc,
                     case when prescribed7 > 0 then done7 / prescribed7 end asc nulls last,
                     lower(last_name), lower(first_name), patient_id
            """.formatted(String.join("|", Symptom.of(Symptom.Tier.EMERGENCY).stream().map(Enum::name).toList()));

    private final JdbcClient jdbc;

    AdherenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Attention> attention(Scope scope, ZoneId zone, LocalDate today, Instant now, int offset, int limit) {
        return bind(jdbc.sql(ATTENTION + ORDER + " offset :offset limit :limit"), scope, zone, today, now)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, i) -> attention(rs))
                .list();
    }

    int countAttention(Scope scope, ZoneId zone, LocalDate today, Instant now) {
        if (scope.reasons().isEmpty()) {
            // Without a reason filter the count is simply who is in scope; no figures needed.
            return jdbc.sql("""
                            select count(*) from patient p join program pr on pr.patient_id = p.id
                            where p.clinic_id = :clinic and not p.archived and pr.current_version > 0
                              and (not :mine or p.therapist_id = :user)
                              and (cast(:patient as uuid) is null or p.id = cast(:patient as uuid))""")
                    .param("clinic", scope.clinic().value())
                    .param("mine", scope.mineOnly())
                    .param("user", scope.user().value())
                    .param("patient", scope.patient() == null ? null : scope.patient().value(), Types.OTHER)
                    .query(Integer.class).single();
        }
        return bind(jdbc.sql("select count(*) from (" + ATTENTION + ") counted"), scope, zone, today, now)
                .query(Integer.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Scope scope, ZoneId zone,
                                                 LocalDate today, Instant now) {
        return sql.param("clinic", scope.clinic().value())
                .param("mine", scope.mineOnly())
                .param("user", scope.user().value())
                .param("patient", scope.patient() == null ? null : scope.patient().value(), Types.OTHER)
                .param("tz", zone.getId())
                .param("today", Date.valueOf(today))
                .param("now", Timestamp.from(now))
                .param("reasons", scope.reasons().stream().map(Reason::name).toArray(String[]::new));
    }

    private static Attention attention(ResultSet rs) throws SQLException {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        Map<Reason, Review> reviews = new EnumMap<>(Reason.class);
        for (Reason reason : Reason.values()) {
            String column = reason.name().toLowerCase();
            if (rs.getBoolean(column)) {
                reasons.add(reason);
                Timestamp at = rs.getTimestamp(column + "_reviewed_at");
                if (at != null && !rs.getBoolean(column + "_open")) {
                    reviews.put(reason, new Review(reason, rs.getString(column + "_reviewer"), at.toInstant()));
                }
            }
        }
        return new Attention(new PatientId(rs.getObject("patient_id", UUID.class)), rs.getString("first_name"),
                rs.getString("last_name"), rs.getDate("began").toLocalDate(),
                new Figure(number(rs, "done7"), number(rs, "prescribed7")),
                new Figure(number(rs, "done30"), number(rs, "prescribed30")),
                (Integer) rs.getObject("max_pain", Integer.class), decimal(rs, "pain_now"), decimal(rs, "pain_before"),
                date(rs, "last_day"), rs.getInt("quiet_days"), (Integer) rs.getObject("red_flag_days_ago", Integer.class),
                mostFrequentFirst(rs.getString("red_flags")), reasons, reviews, instant(rs, "red_flag_at"),
                instant(rs, "high_pain_at"), instant(rs, "last_at"));
    }

    private static double number(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? 0 : value.doubleValue();
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    static List<String> mostFrequentFirst(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        Map<String, Long> counts = Arrays.stream(commaSeparated.split(","))
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
    }

    // ---- one patient ----

    /** One clinic-local day of a patient's check-ins. */
    record Day(LocalDate date, int done, int skipped, Double meanPain, Integer maxPain, boolean redFlag) {
    }

    record ExerciseCompletion(String exerciseName, int done, int sessions) {
    }

    record Comment(LocalDate date, int session, String text, Integer pain, String source) {
    }

    /** One check-in as exported: the columns of the CSV file. */
    record ExportRow(LocalDate date, int session, String status, String skipReason, Integer pain, String difficulty,
                     List<String> symptoms, String comment, String source, int versionNumber, int exercisesDone,
                     int exercisesListed, Instant recordedAt) {
    }

    Map<LocalDate, Day> days(ClinicId clinic, PatientId patient, LocalDate from, LocalDate to) {
        Map<LocalDate, Day> days = new LinkedHashMap<>();
        jdbc.sql("""
                        select local_date, count(*) filter (where status = 'DONE') as done,
                               count(*) filter (where status = 'SKIPPED') as skipped,
                               avg(pain) as mean_pain, max(pain) as max_pain,
                               bool_or(cardinality(symptoms) > 0) as red_flag
                        from checkin
                        where clinic_id = :clinic and patient_id = :patient and withdrawn_at is null
                          and local_date between :from and :to
                        group by local_date order by local_date""")
                .param("clinic", clinic.value())
                .param("patient", patient.value())
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, i) -> new Day(rs.getDate("local_date").toLocalDate(), rs.getInt("done"),
                        rs.getInt("skipped"), decimal(rs, "mean_pain"), (Integer) rs.getObject("max_pain", Integer.class),
                        rs.getBoolean("red_flag")))
                .list().forEach(day -> days.put(day.date(), day));
        return days;
    }

    /** Of the sessions checked in as done, how often each exercise was ticked. */
    List<ExerciseCompletion> exercises(ClinicId clinic, PatientId patient, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select e.exercise_name, count(*) filter (where e.done) as done, count(*) as sessions
                        from checkin c join checkin_exercise e on e.checkin_id = c.id
                        where c.clinic_id = :clinic and c.patient_id = :patient and c.withdrawn_at is null
                          and c.status = 'DONE' and c.local_date between :from and :to
                        group by e.exercise_id, e.exercise_name
                        order by min(e.position), e.exercise_name""")
                .param("clinic", clinic.value())
                .param("patient", patient.value())
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, i) -> new ExerciseCompletion(rs.getString("exercise_name"), rs.getInt("done"),
                        rs.getInt("sessions")))
                .list();
    }

    List<Comment> comments(ClinicId clinic, PatientId patient, LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                        select local_date, session_number, comment, pain, source from checkin
                        where clinic_id = :clinic and patient_id = :patient and withdrawn_at is null
                          and comment <> '' and local_date between :from and :to
                        order by local_date desc, session_number desc limit :limit""")
                .param("clinic", clinic.value())
                .param("patient", patient.value())
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .param("limit", limit)
                .query((rs, i) -> new Comment(rs.getDate("local_date").toLocalDate(), rs.getInt("session_number"),
                        rs.getString("comment"), (Integer) rs.getObject("pain", Integer.class), rs.getString("source")))
                .list();
    }

    /** Skip reasons with how often each was given, most frequent first. */
    Map<String, Integer> skipReasons(ClinicId clinic, PatientId patient, LocalDate from, LocalDate to) {
        Map<String, Integer> reasons = new LinkedHashMap<>();
        jdbc.sql("""
                        select skip_reason, count(*) as times from checkin
                        where clinic_id = :clinic and patient_id = :patient and withdrawn_at is null
                          and status = 'SKIPPED' and local_date between :from and :to
                        group by skip_reason order by times desc, skip_reason""")
                .param("clinic", clinic.value())
                .param("patient", patient.value())
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, i) -> Map.entry(rs.getString("skip_reason"), rs.getInt("times")))
                .list().forEach(e -> reasons.put(e.getKey(), e.getValue()));
        return reasons;
    }

    List<ExportRow> export(ClinicId clinic, PatientId patient) {
        return jdbc.sql("""
                        select c.local_date, c.session_number, c.status, c.skip_reason, c.pain, c.difficulty,
                               c.symptoms, c.comment, c.source, v.number, c.created_at,
                               coalesce(e.done, 0) as exercises_done, coalesce(e.listed, 0) as exercises_listed
                        from checkin c join program_version v on v.id = c.program_version_id
                        left join lateral (select count(*) filter (where x.done) as done, count(*) as listed
                                           from checkin_exercise x where x.checkin_id = c.id) e on true
                        where c.clinic_id = :clinic and c.patient_id = :patient and c.withdrawn_at is null
                        order by c.local_date, c.session_number""")
                .param("clinic", clinic.value())
                .param("patient", patient.value())
                .query((rs, i) -> new ExportRow(rs.getDate("local_date").toLocalDate(), rs.getInt("session_number"),
                        rs.getString("status"), rs.getString("skip_reason"), (Integer) rs.getObject("pain", Integer.class),
                        rs.getString("difficulty"), strings(rs.getArray("symptoms")), rs.getString("comment"),
                        rs.getString("source"), rs.getInt("number"), rs.getInt("exercises_done"),
                        rs.getInt("exercises_listed"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    void insertReview(ClinicId clinic, PatientId patient, Reason reason, UserId by, Instant at) {
        jdbc.sql("""
                        insert into adherence_review (clinic_id, patient_id, reason, reviewed_by, reviewed_at)
                        values (:clinic, :patient, :reason, :by, :at)""")
                .param("clinic", clinic.value())
                .param("patient", patient.value())
                .param("reason", reason.name())
                .param("by", by.value())
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Holds until the transaction ends, so that two "Mark reviewed" clicks on the same patient
     * are judged one after the other: the second finds the reason reviewed and stores nothing.
     */
    void lockReviews(PatientId patient) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('adherence_review:' || :patient, 0))")
                .param("patient", patient.value().toString()).query().singleRow();
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
