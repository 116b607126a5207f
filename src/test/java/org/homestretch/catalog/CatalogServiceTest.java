package org.homestretch.catalog;

import org.homestretch.base.FieldProblem;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.homestretch.catalog.CatalogTestSupport.signIn;
import static org.homestretch.catalog.CatalogTestSupport.validContent;
import static org.homestretch.catalog.CatalogTestSupport.withDosage;
import static org.homestretch.catalog.CatalogTestSupport.withSteps;

/** The catalog against the real (embedded) PostgreSQL, through the service the views use. */
@SpringBootTest
@ActiveProfiles("test")
class CatalogServiceTest {

    @Autowired
    CatalogService catalog;
    @Autowired
    BuiltInCatalog builtIn;
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
    void lists_every_built_in_exercise() throws Exception {
        int shipped = builtIn.load().size();
        assertThat(catalog.count(new CatalogQuery("", Set.of(), null, Set.of(), false, null,
                CatalogQuery.Scope.BUILT_IN))).isEqualTo(shipped);
        assertThat(catalog.search(CatalogQuery.all(), 0, 100)).extracting(Exercise::slug)
                .containsAll(BuiltInCatalogTest.SLUGS);
    }

    @Test
    void finds_by_typo_synonym_and_other_name_in_the_first_three_results() {
        assertThat(top3("hamstrng")).contains("hamstring-stretch");
        assertThat(top3("cat cow")).contains("cat-camel");
        assertThat(top3("knee hug")).contains("knee-to-chest");
        assertThat(top3("twist")).contains("spinal-twist", "trunk-rotation");
        assertThat(top3("thread the needle")).contains("figure-four");
        assertThat(top3("pigeon")).contains("pigeon-pose");
        assertThat(top3("KNEE TO CHEST")).contains("knee-to-chest");
    }

    @Test
    void finds_while_the_name_is_still_being_typed() {
        assertThat(top3("brid")).contains("bridge");
        assertThat(top3("pelv")).contains("pelvic-tilt");
    }

    @Test
    void search_text_with_wildcards_or_quotes_is_taken_literally() {
        assertThat(catalog.search(CatalogQuery.text("%"), 0, 50)).isEmpty();
        assertThat(catalog.search(CatalogQuery.text("knee' or 1=1 --"), 0, 50)).extracting(Exercise::slug)
                .doesNotContain("plank");
    }

    @Test
    void filters_combine() {
        CatalogQuery inBedLowerBack = new CatalogQuery("", Set.of(BodyArea.LOWER_BACK), null, Set.of(), true, null,
                CatalogQuery.Scope.ALL);
        List<Exercise> results = catalog.search(inBedLowerBack, 0, 100);

        assertThat(results).isNotEmpty().allSatisfy(e -> {
            assertThat(e.content().inBed()).isTrue();
            assertThat(e.content().bodyAreas()).contains(BodyArea.LOWER_BACK);
        });
        assertThat(results.size()).isLessThan(catalog.count(CatalogQuery.all()));

        CatalogQuery lyingOnBackMorning = new CatalogQuery("knee", Set.of(), Position.LYING_ON_BACK, Set.of(), false,
                BestTime.MORNING, CatalogQuery.Scope.ALL);
        assertThat(catalog.search(lyingOnBackMorning, 0, 100)).isNotEmpty().allSatisfy(e -> {
            assertThat(e.content().position()).isEqualTo(Position.LYING_ON_BACK);
            assertThat(e.content().bestTime()).isIn(BestTime.MORNING, BestTime.ANY);
        });

        CatalogQuery foamRoller = new CatalogQuery("", Set.of(), null, Set.of(Equipment.FOAM_ROLLER), false, null,
                CatalogQuery.Scope.ALL);
        assertThat(catalog.search(foamRoller, 0, 100)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.content().equipment()).contains(Equipment.FOAM_ROLLER));
    }

    @Test
    void pages_through_results() {
        List<Exercise> first = catalog.search(CatalogQuery.all(), 0, 10);
        List<Exercise> second = catalog.search(CatalogQuery.all(), 10, 10);
        assertThat(first).hasSize(10);
        assertThat(second).hasSize(10).extracting(Exercise::id).doesNotContainAnyElementsOf(
                first.stream().map(Exercise::id).toList());
    }

    @Test
    void favourites_filter_and_come_first() {
        Exercise plank = catalog.find("plank").orElseThrow();
        catalog.setFavourite(plank.id(), true);

        assertThat(catalog.search(CatalogQuery.all(), 0, 1)).extracting(Exercise::slug).containsExactly("plank");
        assertThat(catalog.search(new CatalogQuery("", Set.of(), null, Set.of(), false, null,
                CatalogQuery.Scope.FAVOURITES), 0, 50)).extracting(Exercise::slug).containsExactly("plank");

        // Favourites belong to one therapist, not the clinic.
        signIn(users, clinic.adminEmail);
        assertThat(catalog.find("plank").orElseThrow().favourite()).isFalse();
    }

    @Test
    void creates_a_custom_exercise_visible_to_the_clinic_only() {
        Exercise created = catalog.create(validContent("Wall slide"));

        assertThat(created.builtIn()).isFalse();
        assertThat(created.slug()).startsWith("wall-slide-");
        assertThat(top3("wall slide")).contains(created.slug());
        signIn(users, clinic.adminEmail);
        assertThat(catalog.find(created.slug())).isPresent();

        TestAccounts other = new TestAccounts(provisioning);
        signIn(users, other.therapistEmail);
        assertThat(catalog.find(created.slug())).isEmpty();
        assertThat(catalog.find(created.id())).isEmpty();
        assertThat(catalog.search(CatalogQuery.text("wall slide"), 0, 50)).extracting(Exercise::id)
                .doesNotContain(created.id());
        assertThatThrownBy(() -> catalog.update(created.id(), created.version(), validContent("Hijacked")))
                .isInstanceOf(CatalogException.class);
        assertThatThrownBy(() -> catalog.setArchived(created.id(), true)).isInstanceOf(CatalogException.class);
        assertThatThrownBy(() -> catalog.duplicate(created.id())).isInstanceOf(CatalogException.class);
    }

    @Test
    void rejects_each_invalid_input_with_a_message_for_its_field() {
        ExerciseContent ok = validContent("Valid name");
        assertRejected(validContent("ab"), "name");
        assertRejected(validContent("x".repeat(121)), "name");
        assertRejected(withSteps(ok, List.of()), "steps");
        assertRejected(withSteps(ok, List.of("  ", "")), "steps");
        assertRejected(withSteps(ok, java.util.Collections.nCopies(16, "Breathe out.")), "steps");
        assertRejected(withSteps(ok, List.of("x".repeat(301))), "steps");
        assertRejected(withDosage(ok, new Dosage(0, 10, 0, Sides.NONE, 1, 7)), "sets");
        assertRejected(withDosage(ok, new Dosage(11, 10, 0, Sides.NONE, 1, 7)), "sets");
        assertRejected(withDosage(ok, new Dosage(1, 0, 0, Sides.NONE, 1, 7)), "repetitions");
        assertRejected(withDosage(ok, new Dosage(1, 101, 0, Sides.NONE, 1, 7)), "repetitions");
        assertRejected(withDosage(ok, new Dosage(1, 10, -1, Sides.NONE, 1, 7)), "holdSeconds");
        assertRejected(withDosage(ok, new Dosage(1, 10, 301, Sides.NONE, 1, 7)), "holdSeconds");
        assertRejected(withDosage(ok, new Dosage(1, 10, 0, Sides.NONE, 0, 7)), "timesPerDay");
        assertRejected(withDosage(ok, new Dosage(1, 10, 0, Sides.NONE, 7, 7)), "timesPerDay");
        assertRejected(withDosage(ok, new Dosage(1, 10, 0, Sides.NONE, 1, 0)), "daysPerWeek");
        assertRejected(withDosage(ok, new Dosage(1, 10, 0, Sides.NONE, 1, 8)), "daysPerWeek");

        // Boundaries are allowed.
        assertThat(catalog.create(withDosage(validContent("Edge of ranges"),
                new Dosage(10, 100, 300, Sides.EACH_SIDE, 6, 1)))).isNotNull();
    }

    @Test
    void several_exercises_by_id_are_the_built_in_ones_and_the_clinics_own_only() {
        Exercise own = catalog.create(validContent("Doorway calf stretch"));
        Exercise builtIn = catalog.find("knee-to-chest").orElseThrow();
        TestAccounts other = new TestAccounts(provisioning);
        signIn(users, other.therapistEmail);
        Exercise theirs = catalog.create(validContent("Their calf stretch"));
        signIn(users, clinic.therapistEmail);

        ExerciseId unknown = new ExerciseId(java.util.UUID.randomUUID());
        var found = catalog.findAll(List.of(own.id(), builtIn.id(), theirs.id(), unknown, own.id()));

        assertThat(found).containsOnlyKeys(own.id(), builtIn.id());
        assertThat(found.get(own.id()).name()).isEqualTo("Doorway calf stretch");
        assertThat(catalog.findAll(List.of())).isEmpty();
    }

    @Test
    void names_are_unique_within_the_clinic_in_any_letter_case_and_against_built_ins() {
        catalog.create(validContent("Morning reach"));
        assertRejected(validContent("MORNING REACH"), "name");
        assertRejected(validContent("Knee to chest"), "name");

        // Another clinic may use the same name.
        TestAccounts other = new TestAccounts(provisioning);
        signIn(users, other.therapistEmail);
        assertThat(catalog.create(validContent("Morning reach"))).isNotNull();
    }

    @Test
    void built_in_exercises_are_read_only_and_duplicate_into_an_editable_copy() {
        Exercise kneeToChest = catalog.find("knee-to-chest").orElseThrow();
        assertThatThrownBy(() -> catalog.update(kneeToChest.id(), kneeToChest.version(), validContent("Changed")))
                .isInstanceOf(CatalogException.class).hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> catalog.setArchived(kneeToChest.id(), true)).isInstanceOf(CatalogException.class);

        Exercise copy = catalog.duplicate(kneeToChest.id());

        assertThat(copy.builtIn()).isFalse();
        assertThat(copy.name()).isEqualTo(kneeToChest.name() + " (copy)");
        assertThat(copy.content().steps()).isEqualTo(kneeToChest.content().steps());
        assertThat(copy.sources()).isEqualTo(kneeToChest.sources());
        Exercise edited = catalog.update(copy.id(), copy.version(), withDosage(copy.content(),
                new Dosage(1, 5, 30, Sides.EACH_SIDE, 2, 7)));
        assertThat(edited.content().dosage().holdSeconds()).isEqualTo(30);
        assertThat(catalog.find("knee-to-chest").orElseThrow().content()).isEqualTo(kneeToChest.content());
        assertThat(catalog.duplicate(kneeToChest.id()).name()).isEqualTo(kneeToChest.name() + " (copy 2)");
    }

    @Test
    void a_stale_edit_is_refused_instead_of_overwriting_a_newer_one() {
        Exercise created = catalog.create(validContent("Shared exercise"));
        catalog.update(created.id(), created.version(), validContent("Shared exercise, first edit"));

        CatalogException e = catchThrowableOfType(CatalogException.class,
                () -> catalog.update(created.id(), created.version(), validContent("Shared exercise, second edit")));

        assertThat(e.getMessage()).contains("Someone else saved");
        assertThat(catalog.find(created.id()).orElseThrow().name()).isEqualTo("Shared exercise, first edit");
    }

    @Test
    void archived_exercises_leave_the_list_and_can_be_restored() {
        Exercise created = catalog.create(validContent("Old routine"));
        catalog.setArchived(created.id(), true);

        assertThat(catalog.search(CatalogQuery.text("old routine"), 0, 50)).extracting(Exercise::id)
                .doesNotContain(created.id());
        assertThat(catalog.find(created.slug()).orElseThrow().archived()).isTrue();
        assertThat(catalog.search(new CatalogQuery("", Set.of(), null, Set.of(), false, null,
                CatalogQuery.Scope.ARCHIVED), 0, 50)).extracting(Exercise::id).contains(created.id());

        catalog.setArchived(created.id(), false);
        assertThat(catalog.search(CatalogQuery.text("old routine"), 0, 50)).extracting(Exercise::id)
                .contains(created.id());
    }

    @Test
    void reloading_the_shipped_catalog_leaves_clinic_exercises_untouched() throws Exception {
        Exercise custom = catalog.create(validContent("Clinic special"));

        builtIn.run(null);

        Exercise after = catalog.find(custom.id()).orElseThrow();
        assertThat(after.version()).isEqualTo(custom.version());
        assertThat(after.content()).isEqualTo(custom.content());
        assertThat(catalog.find("knee-to-chest")).isPresent();
    }

    @Test
    void condition_and_plain_words_find_the_tagged_exercises_first() throws Exception {
        // "sciatica": the two nerve glides lead, and every exercise before any untagged one suits leg pain.
        assertThat(top(2, "sciatica")).containsExactlyInAnyOrder("seated-sciatic-nerve-glide", "lying-sciatic-nerve-glide");
        assertThat(top(6, "sciatica")).containsExactlyInAnyOrderElementsOf(tagged("sciatica"));
        assertThat(top(6, "sciatic nerve pain")).containsExactlyInAnyOrderElementsOf(tagged("sciatica"));
        // Chair and standing options, floor-free, for someone who cannot get down.
        assertFirstAreTagged("chair", "chair");
        assertFirstAreTagged("standing", "standing");
        assertFirstAreTagged("can't get on the floor", "no floor");
        assertFirstAreTagged("cant get on the floor", "no floor");
        assertFirstAreTagged("I can’t get down to the floor", "no floor");
        assertFirstAreTagged("stiff in the morning", "morning stiffness");
        assertFirstAreTagged("office", "office");
        assertFirstAreTagged("desk", "office");
        assertFirstAreTagged("older", "older adults");
        for (String text : List.of("chair", "standing", "can't get on the floor", "cant get on the floor", "older")) {
            assertThat(top(tagged("no floor").size() - 1, text)).as(text).allSatisfy(slug ->
                    assertThat(catalog.find(slug).orElseThrow().content().position()).as(slug)
                            .isIn(Position.CHAIR, Position.STANDING));
        }
        // Plain names still win over tags: a chair version does not push the floor exercise out.
        assertThat(top3("twist")).contains("spinal-twist", "trunk-rotation");
        assertThat(top3("walk")).first().isEqualTo("walking");
    }

    @Test
    void chair_and_standing_are_position_filters() throws Exception {
        for (Position position : List.of(Position.CHAIR, Position.STANDING)) {
            List<String> expected = builtIn.load().stream().filter(e -> e.position() == position)
                    .map(BuiltInCatalog.Entry::slug).toList();
            CatalogQuery query = new CatalogQuery("", Set.of(), position, Set.of(), false, null,
                    CatalogQuery.Scope.BUILT_IN);
            assertThat(catalog.search(query, 0, 100)).extracting(Exercise::slug)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(expected).hasSizeGreaterThanOrEqualTo(6);
        }
    }

    private void assertFirstAreTagged(String text, String tag) throws Exception {
        List<String> expected = tagged(tag);
        assertThat(top(expected.size(), text)).as(text).containsExactlyInAnyOrderElementsOf(expected);
    }

    private List<String> tagged(String tag) throws Exception {
        return builtIn.load().stream().filter(e -> e.tags().contains(tag)).map(BuiltInCatalog.Entry::slug).toList();
    }

    private List<String> top(int n, String text) {
        return catalog.search(CatalogQuery.text(text), 0, n).stream().map(Exercise::slug).toList();
    }

    private List<String> top3(String text) {
        return catalog.search(CatalogQuery.text(text), 0, 3).stream().map(Exercise::slug).toList();
    }

    private void assertRejected(ExerciseContent content, String field) {
        CatalogException e = catchThrowableOfType(CatalogException.class, () -> catalog.create(content));
        assertThat(e).as("expected a problem with " + field).isNotNull();
        assertThat(e.problems()).extracting(FieldProblem::field).contains(field);
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }
}
