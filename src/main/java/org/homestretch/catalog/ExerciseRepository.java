package org.homestretch.catalog;

import org.homestretch.security.ClinicId;
import org.homestretch.security.UserId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * SQL for exercises. Every read is limited to built-ins plus the caller's clinic; every write
 * of a custom exercise names the clinic in its WHERE clause. Public only for the catalog's own
 * photo and transfer sub-packages (the methods they use); other features go through
 * {@link CatalogService}.
 */
@Repository
public class ExerciseRepository {

    private static final String COLUMNS = """
            e.id, e.clinic_id, e.slug, e.name, e.aliases, e.purpose, e.position, e.body_areas, e.equipment,
            e.in_bed, e.best_time, e.steps, e.tips, e.stop_if, e.sets, e.repetitions, e.hold_seconds, e.sides,
            e.times_per_day, e.days_per_week, e.minutes, e.sources, e.archived, e.version, e.figure,
            exists (select 1 from exercise_photo p where p.exercise_id = e.id) as has_photo,
            exists (select 1 from exercise_favourite f where f.exercise_id = e.id and f.user_id = :user) as favourite""";

    // The search document weighs names and other names above the purpose, and that above the steps.
    private static final String SEARCH_DOCUMENT = """
            setweight(to_tsvector('english', :name || ' ' || :aliasText), 'A')
            || setweight(to_tsvector('english', :purpose), 'B')
            || setweight(to_tsvector('english', :stepText), 'C')""";

    private static final RowMapper<Exercise> EXERCISE = ExerciseRepository::map;

    private final JdbcClient jdbc;
    private final SearchWords searchWords;

    ExerciseRepository(JdbcClient jdbc, SearchWords searchWords) {
        this.jdbc = jdbc;
        this.searchWords = searchWords;
    }

    /** Adds or rewrites a built-in exercise; a row whose shipped content is unchanged is left alone. */
    boolean upsertBuiltIn(String slug, ExerciseContent content, List<String> sources, List<String> tags, String hash,
                          Instant now) {
        return contentParams(jdbc.sql("""
                        insert into exercise (clinic_id, slug, name, aliases, purpose, position, body_areas, equipment,
                            in_bed, best_time, steps, tips, stop_if, sets, repetitions, hold_seconds, sides,
                            times_per_day, days_per_week, minutes, sources, tags, archived, content_hash, search_terms,
                            search_document, created_at, updated_at)
                        values (null, :slug, :name, :aliases, :purpose, :position, :bodyAreas, :equipment, :inBed,
                            :bestTime, :steps, :tips, :stopIf, :sets, :repetitions, :holdSeconds, :sides, :timesPerDay,
                            :daysPerWeek, :minutes, :sources, :tags, false, :hash, :searchTerms,""" + SEARCH_DOCUMENT + """
                        , :now, :now)
                        on conflict (slug) do update set
                            name = excluded.name, aliases = excluded.aliases, purpose = excluded.purpose,
                            position = excluded.position, body_areas = excluded.body_areas,
                            equipment = excluded.equipment, in_bed = excluded.in_bed, best_time = excluded.best_time,
                            steps = excluded.steps, tips = excluded.tips, stop_if = excluded.stop_if,
                            sets = excluded.sets, repetitions = excluded.repetitions,
                            hold_seconds = excluded.hold_seconds, sides = excluded.sides,
                            times_per_day = excluded.times_per_day, days_per_week = excluded.days_per_week,
                            minutes = excluded.minutes, sources = excluded.sources, tags = excluded.tags,
                            archived = false, content_hash = excluded.content_hash,
                            search_terms = excluded.search_terms, search_document = excluded.search_document,
                            updated_at = excluded.updated_at, version = exercise.version + 1
                        where exercise.clinic_id is null
                          and exercise.content_hash is distinct from excluded.content_hash"""), content)
                .param("slug", slug)
                .param("sources", sources.toArray(String[]::new))
                .param("tags", tags.toArray(String[]::new))
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Built-ins dropped from the shipped file are archived, never deleted: programs may use them. */
    int archiveBuiltInsExcept(Collection<String> slugs) {
        return jdbc.sql("update exercise set archived = true, version = version + 1 "
                        + "where clinic_id is null and not archived and slug <> all(:slugs)")
                .param("slugs", slugs.toArray(String[]::new))
                .update();
    }

    public ExerciseId insertCustom(ClinicId clinicId, String slug, ExerciseContent content, List<String> sources,
                                   Instant now) {
        return insertCustom(clinicId, slug, content, sources, null, now);
    }

    ExerciseId insertCustom(ClinicId clinicId, String slug, ExerciseContent content, List<String> sources,
                            String figure, Instant now) {
        UUID id = contentParams(jdbc.sql("""
                        insert into exercise (clinic_id, slug, name, aliases, purpose, position, body_areas, equipment,
                            in_bed, best_time, steps, tips, stop_if, sets, repetitions, hold_seconds, sides,
                            times_per_day, days_per_week, minutes, sources, figure, search_terms, search_document,
                            created_at, updated_at)
                        values (:clinic, :slug, :name, :aliases, :purpose, :position, :bodyAreas, :equipment, :inBed,
                            :bestTime, :steps, :tips, :stopIf, :sets, :repetitions, :holdSeconds, :sides, :timesPerDay,
                            :daysPerWeek, :minutes, :sources, :figure, :searchTerms,""" + SEARCH_DOCUMENT + """
                        , :now, :now) returning id"""), content)
                .param("clinic", clinicId.value())
                .param("figure", figure)
                .param("slug", slug)
                .param("sources", sources.toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .query(UUID.class).single();
        return new ExerciseId(id);
    }

    /** Optimistic: succeeds only if nobody saved the exercise since {@code expectedVersion} was read. */
    boolean updateCustom(ClinicId clinicId, ExerciseId id, int expectedVersion, ExerciseContent content, String figure,
                         Instant now) {
        return contentParams(jdbc.sql("""
                        update exercise set name = :name, aliases = :aliases, purpose = :purpose, position = :position,
                            figure = :figure,
                            body_areas = :bodyAreas, equipment = :equipment, in_bed = :inBed, best_time = :bestTime,
                            steps = :steps, tips = :tips, stop_if = :stopIf, sets = :sets, repetitions = :repetitions,
                            hold_seconds = :holdSeconds, sides = :sides, times_per_day = :timesPerDay,
                            days_per_week = :daysPerWeek, minutes = :minutes, search_terms = :searchTerms,
                            search_document = """ + SEARCH_DOCUMENT + """
                        , updated_at = :now, version = version + 1
                        where id = :id and clinic_id = :clinic and version = :version"""), content)
                .param("id", id.value())
                .param("clinic", clinicId.value())
                .param("version", expectedVersion)
                .param("figure", figure)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    public boolean setArchived(ClinicId clinicId, ExerciseId id, boolean archived) {
        return jdbc.sql("update exercise set archived = :archived, version = version + 1 "
                        + "where id = :id and clinic_id = :clinic")
                .param("archived", archived)
                .param("id", id.value())
                .param("clinic", clinicId.value())
                .update() == 1;
    }

    Optional<Exercise> findBySlug(ClinicId clinicId, UserId userId, String slug) {
        return jdbc.sql("select " + COLUMNS + " from exercise e where e.slug = :slug "
                        + "and (e.clinic_id is null or e.clinic_id = :clinic)")
                .param("slug", slug)
                .param("clinic", clinicId.value())
                .param("user", userId.value())
                .query(EXERCISE).optional();
    }

    public Optional<Exercise> findById(ClinicId clinicId, UserId userId, ExerciseId id) {
        return jdbc.sql("select " + COLUMNS + " from exercise e where e.id = :id "
                        + "and (e.clinic_id is null or e.clinic_id = :clinic)")
                .param("id", id.value())
                .param("clinic", clinicId.value())
                .param("user", userId.value())
                .query(EXERCISE).optional();
    }

    /** As {@link #findById} for several ids in one statement, by id. */
    public Map<ExerciseId, Exercise> findByIds(ClinicId clinicId, UserId userId, Collection<ExerciseId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<ExerciseId, Exercise> found = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from exercise e where e.id = any(cast(:ids as uuid[])) "
                        + "and (e.clinic_id is null or e.clinic_id = :clinic)")
                .param("ids", ids.stream().map(id -> id.value().toString()).distinct().toArray(String[]::new))
                .param("clinic", clinicId.value())
                .param("user", userId.value())
                .query(EXERCISE).list()
                .forEach(e -> found.put(e.id(), e));
        return found;
    }

    /** True if the name is used by a built-in or by another of the clinic's exercises, in any letter case. */
    boolean nameTaken(ClinicId clinicId, String name, ExerciseId except) {
        return jdbc.sql("""
                        select exists (select 1 from exercise where lower(name) = lower(:name)
                            and (clinic_id is null or clinic_id = :clinic) and id <> :except)""")
                .param("name", name)
                .param("clinic", clinicId.value())
                .param("except", except == null ? new UUID(0, 0) : except.value())
                .query(Boolean.class).single();
    }

    List<Exercise> search(ClinicId clinicId, UserId userId, CatalogQuery query, int offset, int limit) {
        Statement search = searchStatement(clinicId, userId, query, offset, limit);
        return jdbc.sql(search.sql()).params(search.params()).query(EXERCISE).list();
    }

    int count(ClinicId clinicId, UserId userId, CatalogQuery query) {
        Statement count = countStatement(clinicId, userId, query);
        return jdbc.sql(count.sql()).params(count.params()).query(Integer.class).single();
    }

    /** A statement with its named parameters; separate from running it so that its plan can be looked at. */
    record Statement(String sql, Map<String, Object> params) {
    }

    Statement searchStatement(ClinicId clinicId, UserId userId, CatalogQuery query, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(clinicId, userId, query, params);
        String order = query.text().isEmpty()
                ? "favourite desc, lower(e.name)"
                : "score desc, favourite desc, lower(e.name)";
        // Relevance: each search word the exercise is tagged with ("sciatica", "no floor") counts
        // most, then a match in the name, then other names (typo-tolerant), then the full text;
        // exercises described by more sources win ties, being the common ones.
        String score = query.text().isEmpty() ? "0" : """
                case when e.tags && cast(:tags as text[])
                    then 3 * cardinality(array(select unnest(e.tags) intersect select unnest(cast(:tags as text[]))))
                    else 0 end
                + 2 * word_similarity(:lowerText, lower(e.name))
                + greatest(word_similarity(:lowerText, e.search_terms),
                           case when e.search_terms like :contains escape '\\' then 0.9 else 0 end)
                + ts_rank(e.search_document, websearch_to_tsquery('english', :text))
                + 0.05 * cardinality(e.sources)""";
        params.put("offset", offset);
        params.put("limit", limit);
        return new Statement("select * from (select " + COLUMNS + ", " + score + " as score from exercise e where "
                + where + ") e order by " + order + " offset :offset limit :limit", params);
    }

    Statement countStatement(ClinicId clinicId, UserId userId, CatalogQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(clinicId, userId, query, params);
        return new Statement("select count(*) from exercise e where " + where, params);
    }

    private String where(ClinicId clinicId, UserId userId, CatalogQuery query, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("(e.clinic_id is null or e.clinic_id = :clinic)");
        params.put("clinic", clinicId.value());
        params.put("user", userId.value());
        conditions.add(query.scope() == CatalogQuery.Scope.ARCHIVED ? "e.archived" : "not e.archived");
        switch (query.scope()) {
            case BUILT_IN -> conditions.add("e.clinic_id is null");
            case CUSTOM, ARCHIVED -> conditions.add("e.clinic_id is not null");
            case FAVOURITES -> conditions.add(
                    "exists (select 1 from exercise_favourite f where f.exercise_id = e.id and f.user_id = :user)");
            case ALL -> { }
        }
        if (!query.text().isEmpty()) {
            String lower = query.text().toLowerCase(Locale.ROOT);
            params.put("text", query.text());
            params.put("lowerText", lower);
            params.put("contains", "%" + lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("tags", searchWords.tagsIn(query.text()).toArray(String[]::new));
            // One index per way of matching, unioned: written as one OR, PostgreSQL reads the whole
            // table and computes the trigram similarity for every row (it does not know that is dear).
            conditions.add("""
                    e.id in (select id from exercise where search_document @@ websearch_to_tsquery('english', :text)
                        union select id from exercise where search_terms %> :lowerText
                        union select id from exercise where search_terms like :contains escape '\\'
                        union select id from exercise where tags && cast(:tags as text[]))""");
        }
        if (!query.bodyAreas().isEmpty()) {
            conditions.add("e.body_areas && cast(:bodyAreas as text[])");
            params.put("bodyAreas", names(query.bodyAreas()));
        }
        if (!query.equipment().isEmpty()) {
            conditions.add("e.equipment && cast(:equipment as text[])");
            params.put("equipment", names(query.equipment()));
        }
        if (query.position() != null) {
            conditions.add("e.position = :position");
            params.put("position", query.position().name());
        }
        if (query.inBedOnly()) {
            conditions.add("e.in_bed");
        }
        if (query.time() != null && query.time() != BestTime.ANY) {
            conditions.add("e.best_time in (:time, 'ANY')");
            params.put("time", query.time().name());
        }
        return String.join(" and ", conditions);
    }

    boolean setFavourite(UserId userId, ExerciseId exerciseId, boolean favourite, Instant now) {
        if (favourite) {
            return jdbc.sql("insert into exercise_favourite (user_id, exercise_id, created_at) "
                            + "values (:user, :exercise, :now) on conflict do nothing")
                    .param("user", userId.value())
                    .param("exercise", exerciseId.value())
                    .param("now", Timestamp.from(now))
                    .update() == 1;
        }
        return jdbc.sql("delete from exercise_favourite where user_id = :user and exercise_id = :exercise")
                .param("user", userId.value())
                .param("exercise", exerciseId.value())
                .update() == 1;
    }

    public List<Exercise> findCustom(ClinicId clinicId, UserId userId) {
        return jdbc.sql("select " + COLUMNS + " from exercise e where e.clinic_id = :clinic order by lower(e.name)")
                .param("clinic", clinicId.value())
                .param("user", userId.value())
                .query(EXERCISE).list();
    }

    /** Slug to name of the built-in exercises in the catalog, by name: the figures a clinic exercise may borrow. */
    Map<String, String> builtInNamesBySlug() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select slug, name from exercise where clinic_id is null and not archived order by lower(name)")
                .query((rs, row) -> Map.entry(rs.getString("slug"), rs.getString("name")))
                .list().forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }

    /** Names of the built-in exercises (archived ones too): a clinic exercise may not take one. */
    public List<String> builtInNames() {
        return jdbc.sql("select name from exercise where clinic_id is null").query(String.class).list();
    }

    /**
     * Which of these slugs are used by any exercise at all. Slugs are unique across clinics, so an
     * import must know; only the slugs come back, nothing about whose exercise holds them.
     */
    public Set<String> takenSlugs(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select slug from exercise where slug = any(:slugs)")
                .param("slugs", slugs.toArray(String[]::new))
                .query(String.class).list());
    }

    /**
     * An import's update of a clinic exercise: content, sources and archived flag together.
     * Optimistic like {@link #updateCustom}: succeeds only if nobody saved it since {@code expectedVersion}.
     */
    public boolean updateImported(ClinicId clinicId, ExerciseId id, int expectedVersion, ExerciseContent content,
                           List<String> sources, boolean archived, Instant now) {
        return contentParams(jdbc.sql("""
                        update exercise set name = :name, aliases = :aliases, purpose = :purpose, position = :position,
                            body_areas = :bodyAreas, equipment = :equipment, in_bed = :inBed, best_time = :bestTime,
                            steps = :steps, tips = :tips, stop_if = :stopIf, sets = :sets, repetitions = :repetitions,
                            hold_seconds = :holdSeconds, sides = :sides, times_per_day = :timesPerDay,
                            days_per_week = :daysPerWeek, minutes = :minutes, sources = :sources, archived = :archived,
                            search_terms = :searchTerms, search_document = """ + SEARCH_DOCUMENT + """
                        , updated_at = :now, version = version + 1
                        where id = :id and clinic_id = :clinic and version = :version"""), content)
                .param("sources", sources.toArray(String[]::new))
                .param("archived", archived)
                .param("id", id.value())
                .param("clinic", clinicId.value())
                .param("version", expectedVersion)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    private static JdbcClient.StatementSpec contentParams(JdbcClient.StatementSpec spec, ExerciseContent content) {
        return spec
                .param("name", content.name())
                .param("aliases", content.aliases().toArray(String[]::new))
                .param("aliasText", String.join(" ", content.aliases()))
                .param("purpose", content.purpose())
                .param("position", content.position().name())
                .param("bodyAreas", names(content.bodyAreas()))
                .param("equipment", names(content.equipment()))
                .param("inBed", content.inBed())
                .param("bestTime", content.bestTime().name())
                .param("steps", content.steps().toArray(String[]::new))
                .param("stepText", String.join(" ", content.steps()))
                .param("tips", content.tips().toArray(String[]::new))
                .param("stopIf", content.stopIf().toArray(String[]::new))
                .param("sets", content.dosage().sets())
                .param("repetitions", content.dosage().repetitions())
                .param("holdSeconds", content.dosage().holdSeconds())
                .param("sides", content.dosage().sides().name())
                .param("timesPerDay", content.dosage().timesPerDay())
                .param("daysPerWeek", content.dosage().daysPerWeek())
                .param("minutes", content.dosage().minutes())
                .param("searchTerms", searchTerms(content));
    }

    /** Names and other names, lower-case: what typo-tolerant matching compares against. */
    static String searchTerms(ExerciseContent content) {
        return (content.name() + " " + String.join(" ", content.aliases())).toLowerCase(Locale.ROOT);
    }

    private static String[] names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static Exercise map(ResultSet rs, int row) throws SQLException {
        ExerciseContent content = new ExerciseContent(
                rs.getString("name"),
                strings(rs.getArray("aliases")),
                rs.getString("purpose"),
                Position.valueOf(rs.getString("position")),
                enums(rs.getArray("body_areas"), BodyArea.class),
                enums(rs.getArray("equipment"), Equipment.class),
                rs.getBoolean("in_bed"),
                BestTime.valueOf(rs.getString("best_time")),
                strings(rs.getArray("steps")),
                strings(rs.getArray("tips")),
                strings(rs.getArray("stop_if")),
                new Dosage(rs.getInt("sets"), rs.getInt("repetitions"), rs.getInt("hold_seconds"),
                        Sides.valueOf(rs.getString("sides")), rs.getInt("times_per_day"), rs.getInt("days_per_week"),
                        rs.getInt("minutes")));
        UUID clinic = rs.getObject("clinic_id", UUID.class);
        return new Exercise(
                new ExerciseId(rs.getObject("id", UUID.class)),
                clinic == null ? null : new ClinicId(clinic),
                rs.getString("slug"),
                content,
                strings(rs.getArray("sources")),
                rs.getBoolean("archived"),
                rs.getBoolean("has_photo"),
                rs.getBoolean("favourite"),
                rs.getInt("version"),
                rs.getString("figure"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type) throws SQLException {
        return strings(array).stream().map(name -> Enum.valueOf(type, name))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
    }
}
