package org.homestretch.program;

import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.ExerciseId;
import org.homestretch.catalog.Sides;
import org.homestretch.patient.PatientId;
import org.homestretch.security.ClinicId;
import org.homestretch.security.UserId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for programs, versions and items. Reads and writes name the clinic. */
@Repository
class ProgramRepository {

    /** A program row: its id and the number of its current version (0 before the first save). */
    record Head(ProgramId id, int currentVersion) {
    }

    /** A version row (id, number, published_at, changes, display_name) without its items yet. */
    private static final RowMapper<ProgramVersion> VERSION = (rs, i) -> new ProgramVersion(
            new ProgramVersionId(rs.getObject("id", UUID.class)), rs.getInt("number"),
            rs.getTimestamp("published_at").toInstant(), rs.getString("display_name"),
            strings(rs.getArray("changes")), List.of());

    private final JdbcClient jdbc;

    ProgramRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Head> findPatientProgram(ClinicId clinicId, PatientId patientId) {
        return jdbc.sql("select id, current_version from program where clinic_id = :clinic and patient_id = :patient")
                .param("clinic", clinicId.value())
                .param("patient", patientId.value())
                .query((rs, i) -> new Head(new ProgramId(rs.getObject("id", UUID.class)), rs.getInt("current_version")))
                .optional();
    }

    /** Creates the patient's program row if missing; safe when two requests race. */
    Head ensurePatientProgram(ClinicId clinicId, PatientId patientId, UserId owner, Instant now) {
        jdbc.sql("""
                        insert into program (clinic_id, patient_id, owner_id, created_at, updated_at)
                        values (:clinic, :patient, :owner, :now, :now)
                        on conflict (patient_id) where patient_id is not null do nothing""")
                .param("clinic", clinicId.value())
                .param("patient", patientId.value())
                .param("owner", owner.value())
                .param("now", Timestamp.from(now))
                .update();
        return findPatientProgram(clinicId, patientId).orElseThrow();
    }

    /**
     * Moves the program to {@code next} only if it is still at {@code expected}: the optimistic
     * lock that refuses the second of two concurrent saves.
     */
    boolean advance(ProgramId id, int expected, int next, Instant now) {
        return jdbc.sql("update program set current_version = :next, updated_at = :now "
                        + "where id = :id and current_version = :expected")
                .param("next", next)
                .param("now", Timestamp.from(now))
                .param("id", id.value())
                .param("expected", expected)
                .update() == 1;
    }

    ProgramVersionId insertVersion(ProgramId programId, int number, UserId by, List<String> changes,
                                   List<ProgramItem> items, Instant now) {
        UUID versionId = jdbc.sql("""
                        insert into program_version (program_id, number, published_at, published_by, changes)
                        values (:program, :number, :now, :by, :changes) returning id""")
                .param("program", programId.value())
                .param("number", number)
                .param("now", Timestamp.from(now))
                .param("by", by == null ? null : by.value(), java.sql.Types.OTHER)
                .param("changes", changes.toArray(String[]::new))
                .query(UUID.class).single();
        for (int i = 0; i < items.size(); i++) {
            ProgramItem item = items.get(i);
            Dosage d = item.dosage();
            jdbc.sql("""
                            insert into program_item (program_version_id, position, exercise_id, sets, repetitions,
                                hold_seconds, sides, times_per_day, days_per_week, minutes, note)
                            values (:version, :position, :exercise, :sets, :reps, :hold, :sides, :tpd, :dpw, :minutes,
                                :note)""")
                    .param("version", versionId)
                    .param("position", i)
                    .param("exercise", item.exerciseId().value())
                    .param("sets", d.sets())
                    .param("reps", d.repetitions())
                    .param("hold", d.holdSeconds())
                    .param("sides", d.sides().name())
                    .param("tpd", d.timesPerDay())
                    .param("dpw", d.daysPerWeek())
                    .param("minutes", d.minutes())
                    .param("note", item.note())
                    .update();
        }
        return new ProgramVersionId(versionId);
    }

    /** Versions newest first, each with its items; the program must belong to the clinic or be built-in. */
    List<ProgramVersion> versions(ProgramId programId) {
        List<ProgramVersion> versions = jdbc.sql("""
                        select v.id, v.number, v.published_at, v.changes, u.display_name
                        from program_version v left join app_user u on u.id = v.published_by
                        where v.program_id = :program order by v.number desc""")
                .param("program", programId.value())
                .query(VERSION)
                .list();
        return versions.stream().map(this::withItems).toList();
    }

    private ProgramVersion withItems(ProgramVersion v) {
        return new ProgramVersion(v.id(), v.number(), v.publishedAt(), v.publishedBy(), v.changes(), items(v.id()));
    }

    List<ProgramItem> items(ProgramVersionId versionId) {
        return jdbc.sql("""
                        select i.exercise_id, e.name, i.sets, i.repetitions, i.hold_seconds, i.sides, i.times_per_day,
                            i.days_per_week, i.minutes, i.note
                        from program_item i join exercise e on e.id = i.exercise_id
                        where i.program_version_id = :version order by i.position""")
                .param("version", versionId.value())
                .query((rs, i) -> new ProgramItem(new ExerciseId(rs.getObject("exercise_id", UUID.class)),
                        rs.getString("name"),
                        new Dosage(rs.getInt("sets"), rs.getInt("repetitions"), rs.getInt("hold_seconds"),
                                Sides.valueOf(rs.getString("sides")), rs.getInt("times_per_day"),
                                rs.getInt("days_per_week"), rs.getInt("minutes")),
                        rs.getString("note")))
                .list();
    }

    Optional<ProgramVersion> currentVersion(ProgramId programId) {
        return jdbc.sql("""
                        select v.id, v.number, v.published_at, v.changes, u.display_name
                        from program p join program_version v on v.program_id = p.id and v.number = p.current_version
                        left join app_user u on u.id = v.published_by where p.id = :program""")
                .param("program", programId.value())
                .query(VERSION)
                .optional()
                .map(this::withItems);
    }

    /** The newest version published no later than {@code at} of a patient's program in the clinic. */
    Optional<ProgramVersion> versionAt(ClinicId clinicId, ProgramId programId, Instant at) {
        return jdbc.sql("""
                        select v.id, v.number, v.published_at, v.changes, u.display_name
                        from program p join program_version v on v.program_id = p.id
                        left join app_user u on u.id = v.published_by
                        where p.id = :program and p.clinic_id = :clinic and p.patient_id is not null
                            and v.published_at <= :at
                        order by v.number desc limit 1""")
                .param("program", programId.value())
                .param("clinic", clinicId.value())
                .param("at", Timestamp.from(at))
                .query(VERSION)
                .optional()
                .map(this::withItems);
    }

    /** A patient's published version, found only if the program belongs to the clinic; templates never match. */
    Optional<PublishedVersion> findPatientVersion(ClinicId clinicId, ProgramVersionId versionId) {
        return jdbc.sql("""
                        select v.id, v.number, v.published_at, v.changes, u.display_name, p.patient_id
                        from program_version v join program p on p.id = v.program_id
                        left join app_user u on u.id = v.published_by
                        where v.id = :version and p.clinic_id = :clinic and p.patient_id is not null""")
                .param("version", versionId.value())
                .param("clinic", clinicId.value())
                .query((rs, i) -> new PublishedVersion(new PatientId(rs.getObject("patient_id", UUID.class)),
                        VERSION.mapRow(rs, i)))
                .optional()
                .map(p -> new PublishedVersion(p.patientId(), withItems(p.version())));
    }

    ProgramId insertTemplate(ClinicId clinicId, String name, Template.Scope scope, String slug, UserId owner,
                             Instant now) {
        UUID id = jdbc.sql("""
                        insert into program (clinic_id, template_name, template_scope, template_slug, owner_id,
                            created_at, updated_at)
                        values (:clinic, :name, :scope, :slug, :owner, :now, :now) returning id""")
                .param("clinic", clinicId == null ? null : clinicId.value(), java.sql.Types.OTHER)
                .param("name", name)
                .param("scope", scope.name())
                .param("slug", slug, java.sql.Types.VARCHAR)
                .param("owner", owner == null ? null : owner.value(), java.sql.Types.OTHER)
                .param("now", Timestamp.from(now))
                .query(UUID.class).single();
        return new ProgramId(id);
    }

    Optional<ProgramId> findBuiltInTemplate(String slug) {
        return jdbc.sql("select id from program where template_slug = :slug")
                .param("slug", slug)
                .query(UUID.class).optional().map(ProgramId::new);
    }

    /** Built-in templates, the clinic's shared ones, and the user's own. */
    List<Template> templates(ClinicId clinicId, UserId userId) {
        List<Object[]> rows = jdbc.sql("""
                        select p.id, p.template_name, p.template_scope from program p
                        where p.current_version > 0 and (p.template_scope = 'BUILT_IN'
                           or (p.clinic_id = :clinic and p.template_scope = 'CLINIC')
                           or (p.clinic_id = :clinic and p.template_scope = 'PERSONAL' and p.owner_id = :user))
                        order by case p.template_scope when 'BUILT_IN' then 0 when 'CLINIC' then 1 else 2 end,
                                 lower(p.template_name)""")
                .param("clinic", clinicId.value())
                .param("user", userId.value())
                .query((rs, i) -> new Object[]{rs.getObject("id", UUID.class), rs.getString("template_name"),
                        rs.getString("template_scope")})
                .list();
        return rows.stream().map(r -> {
            ProgramId id = new ProgramId((UUID) r[0]);
            List<ProgramItem> items = currentVersion(id).map(ProgramVersion::items).orElse(List.of());
            return new Template(id, (String) r[1], Template.Scope.valueOf((String) r[2]), items);
        }).toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
