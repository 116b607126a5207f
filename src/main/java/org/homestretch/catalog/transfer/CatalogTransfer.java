package org.homestretch.catalog.transfer;

import org.homestretch.catalog.BestTime;
import org.homestretch.catalog.BodyArea;
import org.homestretch.catalog.CatalogException;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Equipment;
import org.homestretch.catalog.Exercise;
import org.homestretch.catalog.ExerciseContent;
import org.homestretch.catalog.ExerciseId;
import org.homestretch.catalog.ExerciseRepository;
import org.homestretch.catalog.Position;
import org.homestretch.catalog.Sides;
import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditLog;
import org.homestretch.base.FieldProblem;
import org.homestretch.catalog.transfer.ImportPreview.Action;
import org.homestretch.catalog.transfer.ImportPreview.Line;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Moves a clinic's own exercises out to one JSON file and back in. An import is previewed first
 * (nothing written), then applied in one transaction that decides again, so what is written is
 * exactly what was checked. Only the signed-in user's clinic is ever read or written; built-in
 * exercises and other clinics are never touched. See docs/CATALOG-content.md, "Import and export".
 */
@Service
public class CatalogTransfer {

    public static final String FORMAT = "homestretch-exercises";
    public static final int VERSION = 1;
    public static final int MAX_BYTES = ImportFile.MAX_BYTES;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int SLUG_MAX = 160;
    private static final String NOT_AN_OBJECT =
            "This entry is not an exercise: each entry of \"exercises\" must be an object { ... }.";

    /** Field names as the editor labels them, so a refusal points at something the therapist knows. */
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("name", "Name"),
            Map.entry("aliases", "Other names"), Map.entry("purpose", "Purpose"), Map.entry("position", "Position"),
            Map.entry("bodyAreas", "Body areas"), Map.entry("bestTime", "Best time"), Map.entry("steps", "Steps"),
            Map.entry("tips", "Tips"), Map.entry("stopIf", "Stop if"), Map.entry("dosage", "Dosage"),
            Map.entry("sides", "Sides"));

    /** The whole file. */
    record TransferFile(String format, int version, String exportedAt, List<Entry> exercises) {
    }

    /** One exercise in the file. Lists rather than sets, so that the same exercise is always written the same way. */
    record Entry(String slug, String name, List<String> aliases, String purpose, Position position,
                 List<BodyArea> bodyAreas, List<Equipment> equipment, Boolean inBed, BestTime bestTime,
                 List<String> steps, List<String> tips, List<String> stopIf, Dosage dosage, List<String> sources,
                 Boolean archived) {

        /** A hand-written file may leave out the yes/no fields; left out means no. */
        Entry {
            inBed = inBed != null && inBed;
            archived = archived != null && archived;
        }

        static Entry of(Exercise exercise) {
            ExerciseContent c = exercise.content();
            return new Entry(exercise.slug(), c.name(), c.aliases(), c.purpose(), c.position(),
                    c.bodyAreas().stream().sorted().toList(), c.equipment().stream().sorted().toList(), c.inBed(),
                    c.bestTime(), c.steps(), c.tips(), c.stopIf(), c.dosage(), exercise.sources(),
                    exercise.archived());
        }

        ExerciseContent content() {
            // A hand-edited file may hold nulls in a list; they mean nothing, so they are dropped.
            return new ExerciseContent(name, aliases, purpose, position, present(bodyAreas), present(equipment),
                    inBed, bestTime, steps, tips, stopIf, dosage);
        }

        List<String> cleanSources() {
            return ExerciseContent.cleanLines(sources);
        }

        private static <E> Set<E> present(List<E> values) {
            return values == null ? Set.of() : values.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        }
    }

    /** What an import does with one entry; {@code existing} is set for updates and unchanged ones. */
    private record Decision(Line line, Entry entry, ExerciseContent content, String slug, Exercise existing) {

        Action action() {
            return line.action();
        }
    }

    private final ExerciseRepository exercises;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AuditLog audit;
    private final JsonMapper json = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    CatalogTransfer(ExerciseRepository exercises, CurrentUser currentUser, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.exercises = exercises;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Every custom exercise of the caller's clinic, archived ones included; never ids or clinic ids. */
    @Transactional(readOnly = true)
    public String exportJson() {
        SignedInUser user = currentUser.require();
        List<Entry> entries = exercises.findCustom(user.clinicId(), user.userId()).stream().map(Entry::of).toList();
        return json.writeValueAsString(new TransferFile(FORMAT, VERSION, clock.instant().toString(), entries));
    }

    public String exportFileName() {
        return "homestretch-exercises-" + LocalDate.now(clock) + ".json";
    }

    /** What {@link #apply} would do with this file. Writes nothing; a file that can't be read is refused whole. */
    @Transactional(readOnly = true)
    public ImportPreview preview(byte[] file) {
        SignedInUser user = currentUser.require();
        return new ImportPreview(plan(user, file).stream().map(Decision::line).toList());
    }

    /**
     * Adds and updates what the preview allows, all or nothing. If someone changes one of the
     * exercises meanwhile, nothing is imported, rather than overwriting their change.
     */
    @Transactional
    public ImportReport apply(byte[] file) {
        SignedInUser user = currentUser.require();
        List<Decision> plan = plan(user, file);
        Instant now = clock.instant();
        try {
            for (Decision d : plan) {
                switch (d.action()) {
                    case ADD -> {
                        ExerciseId id = exercises.insertCustom(user.clinicId(), d.slug(), d.content(),
                                d.entry().cleanSources(), now);
                        if (d.entry().archived()) {
                            exercises.setArchived(user.clinicId(), id, true);
                        }
                    }
                    case UPDATE -> {
                        if (!exercises.updateImported(user.clinicId(), d.existing().id(), d.existing().version(),
                                d.content(), d.entry().cleanSources(), d.entry().archived(), now)) {
                            throw new CatalogException(null, "Someone changed \"" + d.existing().name()
                                    + "\" while the file was being imported. Nothing was imported: "
                                    + "upload the file again to see a fresh preview.");
                        }
                    }
                    case UNCHANGED, REFUSE -> { }
                }
            }
        } catch (DuplicateKeyException e) {
            throw new CatalogException(null, "Someone added an exercise with one of the same names while the file "
                    + "was being imported. Nothing was imported: upload the file again to see a fresh preview.");
        }
        List<String> lines = plan.stream().map(d -> switch (d.action()) {
            case ADD -> "Added: " + d.line().name();
            case UPDATE -> "Updated: " + d.line().name();
            case UNCHANGED -> "Unchanged: " + d.line().name();
            case REFUSE -> "Refused: " + d.line().name() + " — " + String.join(" ", d.line().details());
        }).toList();
        audit.record(AuditAction.CATALOG_IMPORTED, null, "added " + count(plan, Action.ADD) + ", updated "
                + count(plan, Action.UPDATE));
        return new ImportReport(count(plan, Action.ADD), count(plan, Action.UPDATE), count(plan, Action.UNCHANGED),
                count(plan, Action.REFUSE), lines);
    }

    private List<Decision> plan(SignedInUser user, byte[] file) {
        JsonNode nodes = ImportFile.exercises(json, file);
        List<Exercise> custom = exercises.findCustom(user.clinicId(), user.userId());
        Map<String, Exercise> bySlug = custom.stream().collect(Collectors.toMap(Exercise::slug, Function.identity()));
        Map<String, Exercise> byName = new HashMap<>();
        custom.forEach(e -> byName.put(lower(e.name()), e));
        Set<String> builtInNames = exercises.builtInNames().stream().map(CatalogTransfer::lower)
                .collect(Collectors.toSet());

        List<Entry> entries = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (!node.isObject()) {
                entries.add(null);
                unreadable.add(NOT_AN_OBJECT);
                continue;
            }
            try {
                entries.add(json.treeToValue(node, Entry.class));
                unreadable.add(null);
            } catch (JacksonException e) {
                entries.add(null);
                unreadable.add(describe(e, node));
            }
        }
        Map<String, Long> slugsInFile = entries.stream().filter(e -> e != null && !slugOf(e).isEmpty())
                .collect(Collectors.groupingBy(CatalogTransfer::slugOf, Collectors.counting()));
        Map<String, Long> namesInFile = entries.stream().filter(e -> e != null && !e.content().name().isEmpty())
                .collect(Collectors.groupingBy(e -> lower(e.content().name()), Collectors.counting()));
        Set<String> takenSlugs = exercises.takenSlugs(slugsInFile.keySet().stream()
                .filter(slug -> !bySlug.containsKey(slug) && SLUG.matcher(slug).matches()).toList());

        List<Decision> plan = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            int number = i + 1;
            Entry entry = entries.get(i);
            if (entry == null) {
                String name = nodes.get(i).path("name").isString() ? nodes.get(i).path("name").stringValue().strip() : "";
                plan.add(refuse(number, name, List.of(unreadable.get(i))));
                continue;
            }
            ExerciseContent content = entry.content();
            String slug = slugOf(entry);
            String name = content.name();
            Exercise existing = bySlug.get(slug);

            List<String> reasons = new ArrayList<>();
            for (FieldProblem problem : content.problems()) {
                reasons.add(labelled(problem));
            }
            if (!slug.isEmpty() && (slug.length() > SLUG_MAX || !SLUG.matcher(slug).matches())) {
                reasons.add("The address (slug) \"" + abbreviate(slug) + "\" may only hold lower-case letters, "
                        + "digits and single dashes, up to " + SLUG_MAX + " characters.");
            }
            if (slugsInFile.getOrDefault(slug, 0L) > 1) {
                reasons.add("The address (slug) \"" + abbreviate(slug) + "\" is used by more than one exercise "
                        + "in this file.");
            }
            // The editor's name rule (CatalogService.check), against the clinic as it is before the import.
            boolean nameValid = content.problems().stream().noneMatch(p -> "name".equals(p.field()));
            if (nameValid) {
                Exercise sameName = byName.get(lower(name));
                if (namesInFile.getOrDefault(lower(name), 0L) > 1) {
                    reasons.add("More than one exercise in this file is called \"" + name + "\". "
                            + "Give each its own name.");
                } else if (builtInNames.contains(lower(name))) {
                    reasons.add("A built-in exercise is already called \"" + name + "\". Rename it in the file.");
                } else if (sameName != null && (existing == null || !sameName.id().equals(existing.id()))) {
                    reasons.add("Your clinic already has a different exercise called \"" + name + "\". "
                            + "Rename one of them.");
                }
            }
            if (!reasons.isEmpty()) {
                plan.add(refuse(number, name, reasons));
            } else if (existing != null) {
                List<String> changes = changes(existing, content, entry);
                Action action = changes.isEmpty() ? Action.UNCHANGED : Action.UPDATE;
                plan.add(new Decision(new Line(number, name, action, changes), entry, content, slug, existing));
            } else {
                // Slugs are unique across all clinics: one held by a built-in or another clinic is replaced.
                String newSlug = !slug.isEmpty() && !takenSlugs.contains(slug) ? slug : CatalogService.newSlug(name);
                plan.add(new Decision(new Line(number, name, Action.ADD, List.of()), entry, content, newSlug, null));
            }
        }
        return plan;
    }

    /** What differs between the clinic's exercise and the file's, in words; empty when nothing does. */
    private static List<String> changes(Exercise existing, ExerciseContent content, Entry entry) {
        ExerciseContent old = existing.content();
        List<String> changes = new ArrayList<>();
        changed(changes, "name", old.name(), content.name());
        changed(changes, "other names", old.aliases(), content.aliases());
        changed(changes, "purpose", old.purpose(), content.purpose());
        changed(changes, "position", old.position(), content.position());
        changed(changes, "body areas", old.bodyAreas(), content.bodyAreas());
        changed(changes, "equipment", old.equipment(), content.equipment());
        changed(changes, "in bed", old.inBed(), content.inBed());
        changed(changes, "best time", old.bestTime(), content.bestTime());
        changed(changes, "steps", old.steps(), content.steps());
        changed(changes, "tips", old.tips(), content.tips());
        changed(changes, "stop if", old.stopIf(), content.stopIf());
        changed(changes, "dosage", old.dosage(), content.dosage());
        changed(changes, "sources", existing.sources(), entry.cleanSources());
        if (existing.archived() != entry.archived()) {
            changes.add(entry.archived() ? "archives it" : "restores it from the archive");
        }
        return changes;
    }

    private static void changed(List<String> changes, String label, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(label);
        }
    }

    /** Why an entry could not be read, naming the field and what it should hold, never Jackson's own words. */
    private static String describe(JacksonException e, JsonNode entry) {
        String field = e.getPath().stream().map(JacksonException.Reference::getPropertyName)
                .filter(Objects::nonNull).collect(Collectors.joining("."));
        if (field.isEmpty()) {
            return NOT_AN_OBJECT;
        }
        JsonNode value = entry;
        for (JacksonException.Reference step : e.getPath()) {
            value = step.getPropertyName() != null ? value.path(step.getPropertyName()) : value.path(step.getIndex());
        }
        String missing = value.isMissingNode() || value.isNull() ? " is missing: it" : "";
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "\"" + field + "\" holds \"" + abbreviate(String.valueOf(invalid.getValue()))
                    + "\", which is not one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")) + ".";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "\"" + field + "\"" + missing + " should hold " + kind(mismatch.getTargetType()) + ".";
        }
        return "\"" + field + "\" could not be read.";
    }

    private static String kind(Class<?> type) {
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list [ ... ]";
        }
        if (type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return "an object { ... }";
    }

    private static String labelled(FieldProblem problem) {
        String label = LABELS.get(problem.field());
        return label == null ? problem.message() : label + ": " + problem.message();
    }

    private static Decision refuse(int number, String name, List<String> reasons) {
        String shown = name.isEmpty() ? "Exercise " + number + " of the file" : abbreviate(name);
        return new Decision(new Line(number, shown, Action.REFUSE, reasons), null, null, null, null);
    }

    private static int count(List<Decision> plan, Action action) {
        return (int) plan.stream().filter(d -> d.action() == action).count();
    }

    private static String slugOf(Entry entry) {
        return entry.slug() == null ? "" : entry.slug().strip();
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** Keeps a report readable when a file holds something very long where a name should be. */
    private static String abbreviate(String text) {
        return text.length() <= ExerciseContent.NAME_MAX ? text : text.substring(0, ExerciseContent.NAME_MAX) + "…";
    }

    private static CatalogException refused(String message) {
        return new CatalogException(null, message);
    }
}
