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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private static final String ITEMS = """
            select i.program_version_id, i.exercise_id, e.name, i.sets, i.repetitions, i.hold_seconds, i.sides,
                i.times_per_day, i.days_per_week, i.minutes, i.note
            from program_item i join exercise e on e.id = i.exercise_id
            """;

    private static final RowMapper<ProgramItem> ITEM = (rs, i) -> new ProgramItem(
            new ExerciseId(rs.getObject("exercise_id", UUID.class)), rs.getString("name"),
            new Dosage(rs.getInt("sets"), rs.getInt("repetitions"), rs.getInt("hold_seconds"),
                    Sides.valueOf(rs.getString("sides")), rs.getInt("times_per_day"), rs.getInt("days_per_week"),
                    rs.getInt("minutes")),
            rs.getString("note"));

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

    /**
     * Creates the patient's program row if missing and locks it until the transaction ends, in one
     * statement; empty when the patient is not in the clinic. Safe when two requests race: the
     * second waits for the first to commit, then sees its version.
     */
    Optional<Head> lockPatientProgram(ClinicId clinicId, PatientId patientId, UserId owner, Instant now) {
        return jdbc.sql("""
                        insert into program (clinic_id, patient_id, owner_id, created_at, updated_at)
                        select :clinic, p.id, :owner, :now, :now from patient p where p.id = :patient and p.clinic_id = :clinic
                        on conflict (patient_id) where patient_id is not null do update set updated_at = program.updated_at
                        returning id, current_version""")
                .param("clinic", clinicId.value())
                .param("patient", patientId.value())
                .param("owner", owner.value())
                .param("now", Timestamp.from(now))
                .query((rs, i) -> new Head(new ProgramId(rs.getObject("id", UUID.class)), rs.getInt("current_version")))
                .optional();
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
        insertItems(new ProgramVersionId(versionId), items);
        return new ProgramVersionId(versionId);
    }

    /**
     * Moves the program from {@code expected} to {@code expected + 1} and adds that version's row,
     * in one statement; empty, with nothing written, when the program is no longer at
     * {@code expected} (the optimistic lock). The items follow with {@link #insertItems}.
     */
    Optional<ProgramVersion> publishVersion(ProgramId programId, int expected, UserId by, List<String> changes,
                                            Instant now) {
        return jdbc.sql("""
                        with moved as (
                            update program set current_version = :next, updated_at = :now
                            where id = :program and current_version = :expected returning id),
                        v as (
                            insert into program_version (program_id, number, published_at, published_by, changes)
                            select id, :next, :now, :by, :changes from moved
                            returning id, number, published_at, changes, published_by)
                        select v.id, v.number, v.published_at, v.changes, u.display_name
                        from v left join app_user u on u.id = v.published_by""")
                .param("program", programId.value())
                .param("expected", expected)
                .param("next", expected + 1)
                .param("now", Timestamp.from(now))
                .param("by", by.value())
                .param("changes", changes.toArray(String[]::new))
                .query(VERSION)
                .optional();
    }

    /** All of a version's items in one statement, whatever their number (arrays unnested in order). */
    void insertItems(ProgramVersionId versionId, List<ProgramItem> items) {
        int n = items.size();
        String[] exercises = new String[n];
        int[] sets = new int[n];
        int[] reps = new int[n];
        int[] hold = new int[n];
        String[] sides = new String[n];
        int[] timesPerDay = new int[n];
        int[] daysPerWeek = new int[n];
        int[] minutes = new int[n];
        String[] notes = new String[n];
        for (int i = 0; i < n; i++) {
            ProgramItem item = items.get(i);
            Dosage d = item.dosage();
            exercises[i] = item.exerciseId().value().toString();
            sets[i] = d.sets();
            reps[i] = d.repetitions();
            hold[i] = d.holdSeconds();
            sides[i] = d.sides().name();
            timesPerDay[i] = d.timesPerDay();
            daysPerWeek[i] = d.daysPerWeek();
            minutes[i] = d.minutes();
            notes[i] = item.note();
        }
        jdbc.sql("""
                        insert into program_item (program_version_id, position, exercise_id, sets, repetitions,
                            hold_seconds, sides, times_per_day, days_per_week, minutes, note)
                        select :version, t.n - 1, t.exercise, t.sets, t.reps, t.hold, t.sides, t.tpd, t.dpw, t.minutes,
                            t.note
                        from unnest(cast(:exercises as uuid[]), cast(:sets as int[]), cast(:reps as int[]),
                                    cast(:hold as int[]), cast(:sides as text[]), cast(:tpd as int[]),
                                    cast(:dpw as int[]), cast(:minutes as int[]), cast(:notes as text[]))
                            with ordinality as t(exercise, sets, reps, hold, sides, tpd, dpw, minutes, note, n)""")
                .param("version", versionId.value())
                .param("exercises", exercises)
                .param("sets", sets)
                .param("reps", reps)
                .param("hold", hold)
                .param("sides", sides)
                .param("tpd", timesPerDay)
                .param("dpw", daysPerWeek)
                .param("minutes", minutes)
                .param("notes", notes)
                .update();
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
        if (versions.isEmpty()) {
            return versions;
        }
        // All versions' items in one statement rather than one per version.
        Map<UUID, List<ProgramItem>> items = itemsByVersion("i.program_version_id in (select id from program_version "
                + "where program_id = :program)", Map.of("program", programId.value()));
        return versions.stream().map(v -> withItemList(v, items.getOrDefault(v.id().value(), List.of()))).toList();
    }

    private ProgramVersion withItems(ProgramVersion v) {
        return withItemList(v, items(v.id()));
    }

    private static ProgramVersion withItemList(ProgramVersion v, List<ProgramItem> items) {
        return new ProgramVersion(v.id(), v.number(), v.publishedAt(), v.publishedBy(), v.changes(), items);
    }

    /** The items of the versions that {@code where} selects, by version id, each list in order. */
    private Map<UUID, List<ProgramItem>> itemsByVersion(String where, Map<String, ?> params) {
        Map<UUID, List<ProgramItem>> byVersion = new HashMap<>();
        jdbc.sql(ITEMS + "where " + where + " order by i.program_version_id, i.position")
                .params(params)
                .query((rs, i) -> Map.entry(rs.getObject("program_version_id", UUID.class), ITEM.mapRow(rs, i)))
                .list()
                .forEach(e -> byVersion.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byVersion;
    }

    List<ProgramItem> items(ProgramVersionId versionId) {
        return jdbc.sql(ITEMS + "where i.program_version_id = :version order by i.position")
                .param("version", versionId.value())
                .query(ITEM)
                .list();
    }

    /** The items of a program's version {@code number}, for comparing a new version with it. */
    List<ProgramItem> items(ProgramId programId, int number) {
        return jdbc.sql(ITEMS + "join program_version v on v.id = i.program_version_id "
                        + "where v.program_id = :program and v.number = :number order by i.position")
                .param("program", programId.value())
                .param("number", number)
                .query(ITEM)
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
        // The current versions' items of all these templates in one statement rather than two per template.
        Map<UUID, List<ProgramItem>> items = rows.isEmpty() ? Map.of() : itemsByProgram(rows.stream()
                .map(r -> r[0].toString()).toArray(String[]::new));
        return rows.stream().map(r -> new Template(new ProgramId((UUID) r[0]), (String) r[1],
                Template.Scope.valueOf((String) r[2]), items.getOrDefault((UUID) r[0], List.of()))).toList();
    }

    /** The current version's items of each of these programs, by program id. */
    private Map<UUID, List<ProgramItem>> itemsByProgram(String[] programIds) {
        Map<UUID, List<ProgramItem>> byProgram = new HashMap<>();
        jdbc.sql("""
                        select p.id as program_id, i.exercise_id, e.name, i.sets, i.repetitions, i.hold_seconds,
                            i.sides, i.times_per_day, i.days_per_week, i.minutes, i.note
                        from program p join program_version v on v.program_id = p.id and v.number = p.current_version
                        join program_item i on i.program_version_id = v.id join exercise e on e.id = i.exercise_id
                        where p.id = any(cast(:programs as uuid[])) order by p.id, i.position""")
                .param("programs", programIds)
                .query((rs, i) -> Map.entry(rs.getObject("program_id", UUID.class), ITEM.mapRow(rs, i)))
                .list()
                .forEach(e -> byProgram.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byProgram;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
