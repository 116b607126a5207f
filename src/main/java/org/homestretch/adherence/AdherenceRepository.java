package org.homestretch.adherence;

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

    private final JdbcClient jdbc;

    AdherenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Attention> attention(Scope scope, ZoneId zone, LocalDate today, Instant now, int offset, int limit) {
        planForTheseValues();
        String sql = AttentionSql.ATTENTION + AttentionSql.ORDER + " offset :offset limit :limit";
        return bind(jdbc.sql(sql), scope, zone, today, now)
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
        planForTheseValues();
        String sql = "select count(*) from (" + AttentionSql.ATTENTION + ") counted";
        return bind(jdbc.sql(sql), scope, zone, today, now)
                .query(Integer.class).single();
    }

    /**
     * The driver turns a statement used five times on one connection into a prepared one, and
     * PostgreSQL may then reuse one generic plan for every date and therapist; for this statement
     * that plan is about twice as slow (docs/PERFORMANCE.md). Planning anew costs ~5 ms and is kept
     * to the current transaction (callers are transactional; outside one this does nothing).
     */
    private void planForTheseValues() {
        jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true)").query().singleRow();
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
