package org.homestretch.catalog.transfer;

import org.homestretch.catalog.BestTime;
import org.homestretch.catalog.BodyArea;
import org.homestretch.catalog.CatalogException;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Equipment;
import org.homestretch.catalog.Exercise;
import org.homestretch.catalog.ExerciseContent;
import org.homestretch.catalog.ExerciseRepository;
import org.homestretch.catalog.Position;
import org.homestretch.catalog.Sides;
import org.homestretch.catalog.transfer.ImportPreview.Action;
import org.homestretch.catalog.transfer.ImportPreview.Line;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.security.CurrentUser;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.homestretch.catalog.CatalogTestSupport.signIn;
import static org.homestretch.catalog.CatalogTestSupport.validContent;

/** Export and import of a clinic's own exercises against the real (embedded) PostgreSQL. */
@SpringBootTest
@ActiveProfiles("test")
class CatalogTransferTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CatalogTransfer transfer;
    @Autowired
    CatalogService catalog;
    @Autowired
    ExerciseRepository repository;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    UserDetailsService users;

    TestAccounts clinic;

    @BeforeEach
    void signInAsTherapist() {
        clinic = new TestAccounts(provisioning);
        signIn(users, clinic.therapistEmail);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_clinics_exercises_survive_export_and_import_into_another_clinic_whole() {
        List<Exercise> originals = createVariedExercises();
        Instant before = Instant.now();

        String exported = transfer.exportJson();

        JsonNode root = JSON.readTree(exported);
        assertThat(root.path("format").stringValue()).isEqualTo("homestretch-exercises");
        assertThat(root.path("version").intValue()).isEqualTo(1);
        assertThat(Instant.parse(root.path("exportedAt").stringValue()))
                .isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(root.path("exercises")).hasSize(originals.size());
        assertThat(exported).as("pretty-printed").contains("\n  ");
        assertThat(transfer.exportFileName()).isEqualTo("homestretch-exercises-" + LocalDate.now() + ".json");
        // Ids would mean nothing in another database and tell the reader about this one.
        assertThat(exported).doesNotContain(clinic.clinicId.value().toString());
        originals.forEach(e -> assertThat(exported).doesNotContain(e.id().value().toString()));
        assertThat(root.path("exercises").get(0).propertyNames()).containsExactly("slug", "name", "aliases",
                "purpose", "position", "bodyAreas", "equipment", "inBed", "bestTime", "steps", "tips", "stopIf",
                "dosage", "sources", "archived");

        TestAccounts newClinic = new TestAccounts(provisioning);
        signIn(users, newClinic.therapistEmail);
        ImportPreview preview = transfer.preview(bytes(exported));
        assertThat(preview.lines()).extracting(Line::action).containsOnly(Action.ADD);
        assertThat(preview.toImport()).isEqualTo(originals.size());

        ImportReport report = transfer.apply(bytes(exported));

        assertThat(report.added()).isEqualTo(originals.size());
        assertThat(report.updated() + report.unchanged() + report.refused()).isZero();
        assertThat(report.lines()).contains("Added: Wall slide", "Added: Ünal's \"cat\" stretch");
        Map<String, Exercise> imported = byName(customExercises());
        assertThat(imported).hasSize(originals.size());
        for (Exercise original : originals) {
            Exercise copy = imported.get(original.name());
            assertThat(copy).as(original.name()).isNotNull();
            assertThat(copy.content()).as(original.name()).isEqualTo(original.content());
            assertThat(copy.archived()).as(original.name()).isEqualTo(original.archived());
            assertThat(copy.sources()).as(original.name()).isEqualTo(original.sources());
            // Slugs are unique across clinics, and the first clinic still holds these.
            assertThat(copy.slug()).isNotEqualTo(original.slug());
        }
        assertThat(imported.get("Old bridge variant").archived()).isTrue();

        // The first clinic's exercises are untouched by the second clinic's import.
        signIn(users, clinic.therapistEmail);
        assertThat(byName(customExercises())).allSatisfy((name, e) ->
                assertThat(e.version()).isEqualTo(byName(originals).get(name).version()));
    }

    @Test
    void importing_its_own_unchanged_export_writes_nothing() {
        createVariedExercises();
        List<Exercise> before = customExercises();
        byte[] file = bytes(transfer.exportJson());

        assertThat(transfer.preview(file).lines()).extracting(Line::action).containsOnly(Action.UNCHANGED);
        ImportReport report = transfer.apply(file);

        assertThat(report.unchanged()).isEqualTo(before.size());
        assertThat(report.added() + report.updated() + report.refused()).isZero();
        assertThat(customExercises()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void a_changed_file_updates_the_clinics_exercise_in_place() {
        Exercise original = catalog.create(validContent("Wall slide"));
        catalog.create(validContent("Door frame stretch"));
        ObjectNode file = (ObjectNode) JSON.readTree(transfer.exportJson());
        ObjectNode entry = entryNamed(file, "Wall slide");
        entry.putArray("steps").add("Stand with your back to a wall.").add("Slide down until your knees bend.");
        ((ObjectNode) entry.path("dosage")).put("holdSeconds", 20);
        entry.put("archived", true);

        ImportPreview preview = transfer.preview(bytes(file));

        assertThat(preview.lines()).extracting(Line::text).containsExactlyInAnyOrder(
                "Update: Wall slide — changes steps, dosage, archives it", "Unchanged: Door frame stretch");
        assertThat(catalog.find(original.id()).orElseThrow()).isEqualTo(original);

        ImportReport report = transfer.apply(bytes(file));

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(report.lines()).contains("Updated: Wall slide");
        Exercise updated = catalog.find(original.slug()).orElseThrow();
        assertThat(updated.id()).isEqualTo(original.id());
        assertThat(updated.content().steps()).containsExactly("Stand with your back to a wall.",
                "Slide down until your knees bend.");
        assertThat(updated.content().dosage().holdSeconds()).isEqualTo(20);
        assertThat(updated.archived()).isTrue();
        assertThat(updated.version()).isGreaterThan(original.version());
    }

    @Test
    void refuses_each_bad_entry_with_its_reason_and_imports_the_rest() {
        Map<String, Object> good = entry("Doorway hip opener");
        // A hand-written file may leave out what has a sensible default.
        Stream.of("slug", "aliases", "purpose", "equipment", "inBed", "tips", "stopIf", "sources", "archived")
                .forEach(good::remove);
        Map<String, Object> badDosage = entry("Too many sets");
        badDosage.put("dosage", Map.of("sets", 0, "repetitions", 10, "holdSeconds", 0, "sides", "NONE",
                "timesPerDay", 1, "daysPerWeek", 7));
        Map<String, Object> builtInName = entry("knee TO chest");
        Map<String, Object> twin1 = entry("Twin stretch");
        Map<String, Object> twin2 = entry("twin STRETCH");
        Map<String, Object> unknownPosition = entry("Flying stretch");
        unknownPosition.put("position", "FLYING");
        Map<String, Object> noSteps = entry("Stepless");
        noSteps.put("steps", List.of());
        Map<String, Object> wrongKind = entry("Wordy dosage");
        wrongKind.put("dosage", Map.of("sets", "three", "repetitions", 10, "holdSeconds", 0, "sides", "NONE",
                "timesPerDay", 1, "daysPerWeek", 7));
        Map<String, Object> missingSets = entry("Setless");
        missingSets.put("dosage", Map.of("repetitions", 10, "holdSeconds", 0, "sides", "NONE",
                "timesPerDay", 1, "daysPerWeek", 7));
        byte[] file = file(good, badDosage, builtInName, twin1, twin2, unknownPosition, noSteps, wrongKind,
                missingSets, 42, null);

        ImportPreview preview = transfer.preview(file);

        assertThat(preview.lines()).extracting(Line::text).containsExactly(
                "Add: Doorway hip opener",
                "Refuse: Too many sets — Sets must be between 1 and 10.",
                "Refuse: knee TO chest — A built-in exercise is already called \"knee TO chest\". Rename it in the file.",
                "Refuse: Twin stretch — More than one exercise in this file is called \"Twin stretch\". "
                        + "Give each its own name.",
                "Refuse: twin STRETCH — More than one exercise in this file is called \"twin STRETCH\". "
                        + "Give each its own name.",
                "Refuse: Flying stretch — \"position\" holds \"FLYING\", which is not one of LYING_ON_BACK, "
                        + "LYING_ON_FRONT, SIDE_LYING, HANDS_AND_KNEES, KNEELING, SITTING, CHAIR, STANDING, EDGE_OF_BED.",
                "Refuse: Stepless — Steps: Write 1 to 15 steps, one per line.",
                "Refuse: Wordy dosage — \"dosage.sets\" should hold a whole number.",
                "Refuse: Setless — \"dosage.sets\" is missing: it should hold a whole number.",
                "Refuse: Exercise 10 of the file — This entry is not an exercise: each entry of \"exercises\" "
                        + "must be an object { ... }.",
                "Refuse: Exercise 11 of the file — This entry is not an exercise: each entry of \"exercises\" "
                        + "must be an object { ... }.");
        assertThat(preview.summary()).isEqualTo("1 to add, 0 to update, 0 unchanged, 10 refused.");
        assertThat(customExercises()).as("a preview writes nothing").isEmpty();

        ImportReport report = transfer.apply(file);

        assertThat(report.added()).isEqualTo(1);
        assertThat(report.refused()).isEqualTo(10);
        assertThat(report.lines()).contains("Added: Doorway hip opener",
                "Refused: Too many sets — Sets must be between 1 and 10.");
        Exercise added = customExercises().getFirst();
        assertThat(customExercises()).extracting(Exercise::name).containsExactly("Doorway hip opener");
        assertThat(added.content().equipment()).containsExactly(Equipment.NONE);
        assertThat(added.content().inBed()).isFalse();
        assertThat(added.archived()).isFalse();
        assertThat(catalog.find("knee-to-chest").orElseThrow().name()).isEqualTo("Knee to chest");
    }

    @Test
    void a_name_already_used_by_a_different_clinic_exercise_is_refused() {
        catalog.create(validContent("Morning reach"));
        Map<String, Object> clash = entry("MORNING REACH");
        clash.put("slug", "morning-reach-elsewhere");

        assertThat(transfer.preview(file(clash)).lines()).extracting(Line::text).containsExactly(
                "Refuse: MORNING REACH — Your clinic already has a different exercise called \"MORNING REACH\". "
                        + "Rename one of them.");
    }

    @Test
    void a_file_that_is_not_an_export_is_refused_whole_with_a_clear_message() {
        assertRefused("Dear team, here are our stretches.".getBytes(StandardCharsets.UTF_8), "not valid JSON");
        assertRefused(new byte[0], "The file is empty.");
        assertRefused(bytes("[1, 2, 3]"), "should say \"format\": \"homestretch-exercises\"");
        assertRefused(bytes("{\"format\": \"other-app\", \"version\": 1, \"exercises\": []}"),
                "should say \"format\": \"homestretch-exercises\"");
        assertRefused(bytes("{\"format\": \"homestretch-exercises\", \"exercises\": []}"), "no format version");
        assertRefused(bytes("{\"format\": \"homestretch-exercises\", \"version\": 2, \"exercises\": []}"),
                "format version 2");
        assertRefused(bytes("{\"format\": \"homestretch-exercises\", \"version\": 1}"), "no list of exercises");
        byte[] huge = new byte[CatalogTransfer.MAX_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        assertRefused(huge, "larger than 10 MB");

        assertThat(transfer.preview(bytes("{\"format\": \"homestretch-exercises\", \"version\": 1, "
                + "\"exercises\": []}")).summary()).isEqualTo("The file holds no exercises.");
    }

    @Test
    void another_clinics_exercises_are_never_exported_or_changed() {
        TestAccounts other = new TestAccounts(provisioning);
        signIn(users, other.therapistEmail);
        Exercise theirs = catalog.create(validContent("Their secret stretch"));
        signIn(users, clinic.therapistEmail);
        Exercise ours = catalog.create(validContent("Our stretch"));

        assertThat(transfer.exportJson()).contains("Our stretch").doesNotContain("Their secret stretch")
                .doesNotContain(theirs.slug());

        // A file naming the other clinic's slug, or a built-in's, adds a new exercise here under a new slug.
        Map<String, Object> sameSlugAsTheirs = entry("Their secret stretch");
        sameSlugAsTheirs.put("slug", theirs.slug());
        Map<String, Object> sameSlugAsBuiltIn = entry("My knee hug");
        sameSlugAsBuiltIn.put("slug", "knee-to-chest");
        Map<String, Object> freeSlug = entry("Free slug stretch");
        String free = "free-slug-stretch-" + UUID.randomUUID().toString().substring(0, 8);
        freeSlug.put("slug", free);
        Map<String, Object> noSlug = entry("No slug stretch");
        noSlug.remove("slug");
        byte[] file = file(sameSlugAsTheirs, sameSlugAsBuiltIn, freeSlug, noSlug);
        Exercise kneeToChest = catalog.find("knee-to-chest").orElseThrow();

        ImportReport report = transfer.apply(file);

        assertThat(report.added()).isEqualTo(4);
        Map<String, Exercise> mine = byName(customExercises());
        assertThat(mine.keySet()).containsExactlyInAnyOrder("Our stretch", "Their secret stretch", "My knee hug",
                "Free slug stretch", "No slug stretch");
        assertThat(mine.get("Their secret stretch").slug()).isNotEqualTo(theirs.slug())
                .startsWith("their-secret-stretch-");
        assertThat(mine.get("My knee hug").slug()).startsWith("my-knee-hug-");
        assertThat(mine.get("Free slug stretch").slug()).as("a free slug is kept").isEqualTo(free);
        assertThat(mine.get("No slug stretch").slug()).startsWith("no-slug-stretch-");
        assertThat(mine.get("Our stretch")).isEqualTo(ours);
        assertThat(catalog.find("knee-to-chest").orElseThrow()).isEqualTo(kneeToChest);

        signIn(users, other.therapistEmail);
        assertThat(catalog.find(theirs.id()).orElseThrow()).isEqualTo(theirs);
        assertThat(customExercises()).containsExactly(theirs);
    }

    @Test
    void an_import_update_is_refused_when_someone_saved_the_exercise_since_it_was_read() {
        Exercise original = catalog.create(validContent("Shared exercise"));
        catalog.update(original.id(), original.version(), validContent("Shared exercise, edited"));

        boolean written = repository.updateImported(clinic.clinicId, original.id(), original.version(),
                validContent("Shared exercise, imported"), List.of(), true, Instant.now());

        assertThat(written).isFalse();
        Exercise now = catalog.find(original.id()).orElseThrow();
        assertThat(now.name()).isEqualTo("Shared exercise, edited");
        assertThat(now.archived()).isFalse();
    }

    @Test
    void an_update_never_reaches_another_clinics_exercise() {
        TestAccounts other = new TestAccounts(provisioning);
        signIn(users, other.therapistEmail);
        Exercise theirs = catalog.create(validContent("Their exercise"));
        signIn(users, clinic.therapistEmail);

        assertThat(repository.updateImported(clinic.clinicId, theirs.id(), theirs.version(),
                validContent("Taken over"), List.of(), true, Instant.now())).isFalse();
        Exercise builtIn = catalog.find("plank").orElseThrow();
        assertThat(repository.updateImported(clinic.clinicId, builtIn.id(), builtIn.version(),
                validContent("Taken over"), List.of(), true, Instant.now())).isFalse();

        signIn(users, other.therapistEmail);
        assertThat(catalog.find(theirs.id()).orElseThrow()).isEqualTo(theirs);
    }

    /** Exercises that between them use every kind of field: positions, lists, dosages, sources, archived. */
    private List<Exercise> createVariedExercises() {
        Exercise wallSlide = catalog.create(validContent("Wall slide"));
        Exercise clam = catalog.create(new ExerciseContent("Side-lying clam", List.of("clamshell", "clam"),
                "Wakes up the muscles at the side of your hip.", Position.SIDE_LYING,
                Set.of(BodyArea.HIPS, BodyArea.GLUTES), Set.of(Equipment.PILLOW), true, BestTime.BEDTIME,
                List.of("Lie on your side with your knees bent.", "Keep your feet together.",
                        "Lift your top knee.", "Lower it slowly."),
                List.of("Keep your hips still.", "Rest your head on a pillow."),
                List.of("Stop if your hip hurts.", "Stop if your leg goes numb."),
                new Dosage(3, 15, 0, Sides.EACH_SIDE, 2, 5)));
        Exercise reach = catalog.create(new ExerciseContent("Ünal's \"cat\" stretch", List.of(), "",
                Position.SITTING, Set.of(BodyArea.HAMSTRINGS), Set.of(Equipment.CHAIR, Equipment.STRAP_OR_TOWEL),
                false, BestTime.MORNING, List.of("Sit on the edge of a chair.", "Reach for your toes — gently."),
                List.of(), List.of(), new Dosage(1, 1, 300, Sides.ALTERNATE, 6, 1)));
        Exercise old = catalog.create(new ExerciseContent("Old bridge variant", List.of("hip lift"),
                "Strengthens your bottom and back.", Position.LYING_ON_BACK, Set.of(BodyArea.GLUTES, BodyArea.CORE),
                Set.of(), true, BestTime.ANY, List.of("Lie on your back.", "Lift your hips."),
                List.of("Squeeze your bottom."), List.of("Stop if your back hurts."),
                new Dosage(10, 100, 10, Sides.BOTH_TOGETHER, 1, 7)));
        catalog.setArchived(old.id(), true);
        Exercise copy = catalog.duplicate(catalog.find("knee-to-chest").orElseThrow().id());
        assertThat(copy.sources()).as("a copy of a built-in keeps its sources").isNotEmpty();
        return Stream.of(wallSlide, clam, reach, old, copy).map(e -> catalog.find(e.id()).orElseThrow()).toList();
    }

    /** All of the signed-in clinic's own exercises, archived ones included. */
    private List<Exercise> customExercises() {
        var user = currentUser.require();
        return repository.findCustom(user.clinicId(), user.userId());
    }

    private static Map<String, Exercise> byName(List<Exercise> exercises) {
        return exercises.stream().collect(Collectors.toMap(Exercise::name, Function.identity()));
    }

    /** A valid file entry, as a map so that a test can break it in ways the records can't express. */
    private static Map<String, Object> entry(String name) {
        CatalogTransfer.Entry entry = new CatalogTransfer.Entry(null, name, List.of("other name"),
                "Eases a stiff back.", Position.STANDING, List.of(BodyArea.LOWER_BACK), List.of(Equipment.NONE),
                false, BestTime.ANY, List.of("Stand tall.", "Reach up."), List.of(), List.of(),
                new Dosage(1, 10, 0, Sides.NONE, 1, 7), List.of(), false);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.convertValue(entry, Map.class);
        return map;
    }

    private static byte[] file(Object... entries) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "homestretch-exercises").put("version", 1).put("exportedAt", Instant.now().toString());
        ArrayNode list = root.putArray("exercises");
        for (Object entry : entries) {
            if (entry == null) {
                list.addNull();
            } else {
                list.add(JSON.<JsonNode>valueToTree(entry));
            }
        }
        return bytes(root);
    }

    private static ObjectNode entryNamed(JsonNode file, String name) {
        for (JsonNode entry : file.path("exercises")) {
            if (entry.path("name").stringValue().equals(name)) {
                return (ObjectNode) entry;
            }
        }
        throw new AssertionError("no entry named " + name);
    }

    private static byte[] bytes(Object json) {
        String text = json instanceof String s ? s : JSON.writeValueAsString(json);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void assertRefused(byte[] file, String message) {
        CatalogException previewed = catchThrowableOfType(CatalogException.class, () -> transfer.preview(file));
        assertThat(previewed).as("preview of a bad file").isNotNull();
        assertThat(previewed.getMessage()).contains(message);
        CatalogException applied = catchThrowableOfType(CatalogException.class, () -> transfer.apply(file));
        assertThat(applied).as("import of a bad file").isNotNull();
        assertThat(applied.getMessage()).contains(message);
        assertThat(customExercises()).isEmpty();
    }
}
