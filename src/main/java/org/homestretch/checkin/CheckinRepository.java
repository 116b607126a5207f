package org.homestretch.checkin;

import org.homestretch.patient.PatientId;
import org.homestretch.program.ProgramId;
import org.homestretch.program.ProgramItem;
import org.homestretch.program.ProgramVersion;
import org.homestretch.security.ClinicId;
import org.homestretch.security.UserId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** SQL for check-ins. Every query names the program (and the clinic), withdrawn rows are history only. */
@Repository
class CheckinRepository {

    private static final String COLUMNS = """
            c.id, c.local_date, c.session_number, c.status, c.skip_reason, c.pain, c.difficulty, c.symptoms,
            c.comment, c.source, c.created_at, v.number as version_number,
            (select count(*) from checkin_exercise e where e.checkin_id = c.id and e.done) as exercises_done,
            (select count(*) from checkin_exercise e where e.checkin_id = c.id) as exercises_prescribed
            from checkin c join program_version v on v.id = c.program_version_id""";

    private static final RowMapper<Checkin> CHECKIN = (rs, i) -> new Checkin(
            rs.getObject("id", UUID.class),
            rs.getObject("local_date", LocalDate.class),
            rs.getInt("session_number"),
            "DONE".equals(rs.getString("status")),
            Optional.ofNullable(rs.getString("skip_reason")).map(SkipReason::valueOf).orElse(null),
            (Integer) rs.getObject("pain", Integer.class),
            Optional.ofNullable(rs.getString("difficulty")).map(Difficulty::valueOf).orElse(null),
            symptoms(rs.getArray("symptoms")),
            rs.getString("comment"),
            CheckinSource.valueOf(rs.getString("source")),
            rs.getInt("version_number"),
            rs.getInt("exercises_done"),
            rs.getInt("exercises_prescribed"),
            rs.getTimestamp("created_at").toInstant());

    /** Where a new check-in belongs and who entered it. */
    record Target(ClinicId clinicId, PatientId patientId, ProgramId programId, ProgramVersion version,
                  CheckinSource source, UserId enteredBy) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    CheckinRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    Optional<Checkin> byKey(ProgramId programId, UUID key) {
        return jdbc.sql("select " + COLUMNS + " where c.program_id = :program and c.idempotency_key = :key")
                .param("program", programId.value())
                .param("key", key)
                .query(CHECKIN).optional();
    }

    Optional<Checkin> active(ProgramId programId, LocalDate date, int session) {
        return jdbc.sql("select " + COLUMNS + """
                         where c.program_id = :program and c.local_date = :date and c.session_number = :session
                            and c.withdrawn_at is null""")
                .param("program", programId.value())
                .param("date", date)
                .param("session", session)
                .query(CHECKIN).optional();
    }

    List<Checkin> day(ProgramId programId, LocalDate date) {
        return jdbc.sql("select " + COLUMNS + """
                         where c.program_id = :program and c.local_date = :date and c.withdrawn_at is null
                        order by c.session_number""")
                .param("program", programId.value())
                .param("date", date)
                .query(CHECKIN).list();
    }

    /**
     * Inserts unless the key was used before or the session is already recorded (either unique
     * index); a concurrent insert of the same key waits for the first and then does nothing.
     * Returns the check-in as stored, built from what was written rather than read back.
     */
    Optional<Checkin> insert(Target target, CheckinEntry entry, List<ProgramItem> items, Instant now) {
        Instant createdAt = now.truncatedTo(ChronoUnit.MICROS); // what the timestamptz column keeps
        Optional<UUID> id = jdbc.sql("""
                        insert into checkin (clinic_id, patient_id, program_id, program_version_id, local_date,
                            session_number, status, skip_reason, pain, difficulty, symptoms, comment, source,
                            entered_by, idempotency_key, created_at)
                        values (:clinic, :patient, :program, :version, :date, :session, :status, :reason, :pain,
                            :difficulty, :symptoms, :comment, :source, :by, :key, :now)
                        on conflict do nothing returning id""")
                .param("clinic", target.clinicId().value())
                .param("patient", target.patientId().value())
                .param("program", target.programId().value())
                .param("version", target.version().id().value())
                .param("date", entry.date())
                .param("session", entry.session())
                .param("status", entry.done() ? "DONE" : "SKIPPED")
                .param("reason", entry.done() ? null : entry.skipReason().name())
                .param("pain", entry.pain())
                .param("difficulty", entry.difficulty() == null ? null : entry.difficulty().name())
                .param("symptoms", entry.symptoms().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("comment", entry.comment())
                .param("source", target.source().name())
                .param("by", target.enteredBy() == null ? null : target.enteredBy().value())
                .param("key", entry.key())
                .param("now", Timestamp.from(createdAt))
                .query(UUID.class).optional();
        return id.map(checkinId -> {
            int[] doneAndPrescribed = insertExercises(checkinId, entry, items);
            return new Checkin(checkinId, entry.date(), entry.session(), entry.done(),
                    entry.done() ? null : entry.skipReason(), entry.pain(), entry.difficulty(), entry.symptoms(),
                    entry.comment(), target.source(), target.version().number(), doneAndPrescribed[0],
                    doneAndPrescribed[1], createdAt);
        });
    }

    /**
     * Every exercise prescribed for this session, with its dosage then, and whether it was done,
     * in one batch (one round trip). Returns how many were done and how many prescribed.
     */
    private int[] insertExercises(UUID checkinId, CheckinEntry entry, List<ProgramItem> items) {
        boolean allDone = entry.done() && entry.exercisesDone().isEmpty();
        List<MapSqlParameterSource> rows = new ArrayList<>();
        int done = 0;
        for (int position = 0; position < items.size(); position++) {
            ProgramItem item = items.get(position);
            if (item.dosage().timesPerDay() < entry.session()) {
                continue;
            }
            boolean itemDone = entry.done() && (allDone || entry.exercisesDone().contains(position));
            done += itemDone ? 1 : 0;
            rows.add(new MapSqlParameterSource()
                    .addValue("checkin", checkinId)
                    .addValue("position", position)
                    .addValue("exercise", item.exerciseId().value())
                    .addValue("name", item.exerciseName())
                    .addValue("sets", item.dosage().sets())
                    .addValue("reps", item.dosage().repetitions())
                    .addValue("hold", item.dosage().holdSeconds())
                    .addValue("sides", item.dosage().sides().name())
                    .addValue("times", item.dosage().timesPerDay())
                    .addValue("days", item.dosage().daysPerWeek())
                    .addValue("minutes", item.dosage().minutes())
                    .addValue("done", itemDone));
        }
        if (!rows.isEmpty()) {
            batches.batchUpdate("""
                    insert into checkin_exercise (checkin_id, position, exercise_id, exercise_name, sets,
                        repetitions, hold_seconds, sides, times_per_day, days_per_week, minutes, done)
                    values (:checkin, :position, :exercise, :name, :sets, :reps, :hold, :sides, :times,
                        :days, :minutes, :done)""", rows.toArray(MapSqlParameterSource[]::new));
        }
        return new int[] {done, rows.size()};
    }

    /** Marks a skipped session withdrawn so that the patient can record it as done after all. */
    boolean withdrawSkip(ProgramId programId, LocalDate date, int session, Instant now) {
        return jdbc.sql("""
                        update checkin set withdrawn_at = :now
                        where program_id = :program and local_date = :date and session_number = :session
                            and status = 'SKIPPED' and withdrawn_at is null""")
                .param("program", programId.value())
                .param("date", date)
                .param("session", session)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** The newest live check-in the patient made from the phone, if made after {@code since}. */
    Optional<Checkin> lastFromPatientSince(ProgramId programId, Instant since) {
        return jdbc.sql("select " + COLUMNS + """
                         where c.program_id = :program and c.source = 'PATIENT' and c.withdrawn_at is null
                        order by c.created_at desc limit 1""")
                .param("program", programId.value())
                .query(CHECKIN).optional()
                .filter(c -> c.createdAt().isAfter(since));
    }

    boolean withdraw(ProgramId programId, UUID checkinId, Instant now) {
        return jdbc.sql("""
                        update checkin set withdrawn_at = :now
                        where id = :id and program_id = :program and withdrawn_at is null""")
                .param("id", checkinId)
                .param("program", programId.value())
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    List<Checkin> recent(ClinicId clinicId, PatientId patientId, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         where c.clinic_id = :clinic and c.patient_id = :patient and c.withdrawn_at is null
                        order by c.local_date desc, c.session_number desc, c.created_at desc
                        offset :offset limit :limit""")
                .param("clinic", clinicId.value())
                .param("patient", patientId.value())
                .param("offset", offset)
                .param("limit", limit)
                .query(CHECKIN).list();
    }

    int count(ClinicId clinicId, PatientId patientId) {
        return jdbc.sql("""
                        select count(*) from checkin
                        where clinic_id = :clinic and patient_id = :patient and withdrawn_at is null""")
                .param("clinic", clinicId.value())
                .param("patient", patientId.value())
                .query(Integer.class).single();
    }

    private static Set<Symptom> symptoms(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        Set<Symptom> set = EnumSet.noneOf(Symptom.class);
        Arrays.stream((String[]) array.getArray()).map(Symptom::valueOf).forEach(set::add);
        return Set.copyOf(set);
    }
}
