package org.homestretch.program;

import org.homestretch.base.FieldProblem;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@SpringBootTest
@ActiveProfiles("test")
class ProgramServiceTest {

    @Autowired
    ProgramService programs;
    @Autowired
    PatientService patients;
    @Autowired
    CatalogService catalog;
    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    UserDetailsService users;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    TestAccounts clinic;
    Patient patient;

    @BeforeEach
    void createPatient() {
        clinic = new TestAccounts(provisioning);
        signIn(clinic.therapistEmail);
        patient = patients.create(new PatientDetails("Maria", "Gonzalez", null, "", "", "en", null, ""));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_new_item_starts_with_the_exercises_default_dosage() {
        var exercise = catalog.find("knee-to-chest").orElseThrow();
        ProgramItem item = programs.newItem(exercise.id());
        assertThat(item.dosage()).isEqualTo(exercise.content().dosage());
        assertThat(item.exerciseName()).isEqualTo("Knee to chest");
    }

    @Test
    void each_save_publishes_an_immutable_version_with_what_changed() {
        ProgramItem knee = item("knee-to-chest").withDosage(new Dosage(1, 3, 10, Sides.EACH_SIDE, 1, 7));
        ProgramVersion first = programs.publish(patient.id(), 0, List.of(knee, item("bridge")));
        ProgramVersion second = programs.publish(patient.id(), 1,
                List.of(knee.withDosage(new Dosage(1, 3, 30, Sides.EACH_SIDE, 1, 7))));

        assertThat(first.number()).isEqualTo(1);
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.changes()).containsExactly("Knee to chest: hold 10 → 30 s", "Removed: Bridge");
        List<ProgramVersion> history = programs.history(patient.id());
        assertThat(history).extracting(ProgramVersion::number).containsExactly(2, 1);
        assertThat(history.get(1).items()).extracting(ProgramItem::exerciseName).containsExactly("Knee to chest", "Bridge");
        assertThat(history.get(1).items().getFirst().dosage().holdSeconds()).isEqualTo(10);
        assertThat(programs.current(patient.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void the_second_of_two_concurrent_saves_is_refused_and_nothing_is_overwritten() {
        programs.publish(patient.id(), 0, List.of(item("knee-to-chest")));
        // Two therapists opened version 1; the first saves.
        programs.publish(patient.id(), 1, List.of(item("bridge")));

        ProgramException e = catchThrowableOfType(ProgramException.class,
                () -> programs.publish(patient.id(), 1, List.of(item("plank"))));

        assertThat(e.conflict()).isTrue();
        assertThat(e.getMessage()).contains("Someone else saved");
        assertThat(programs.current(patient.id()).orElseThrow().items()).extracting(ProgramItem::exerciseName)
                .containsExactly("Bridge");
        assertThat(programs.history(patient.id())).hasSize(2);
    }

    @Test
    void rejects_every_dosage_bound_with_a_message_for_the_items_field() {
        assertItemRejected(new Dosage(0, 10, 0, Sides.NONE, 1, 7), "items[0].sets");
        assertItemRejected(new Dosage(11, 10, 0, Sides.NONE, 1, 7), "items[0].sets");
        assertItemRejected(new Dosage(1, 0, 0, Sides.NONE, 1, 7), "items[0].repetitions");
        assertItemRejected(new Dosage(1, 101, 0, Sides.NONE, 1, 7), "items[0].repetitions");
        assertItemRejected(new Dosage(1, 1, -1, Sides.NONE, 1, 7), "items[0].holdSeconds");
        assertItemRejected(new Dosage(1, 1, 301, Sides.NONE, 1, 7), "items[0].holdSeconds");
        assertItemRejected(new Dosage(1, 1, 0, Sides.NONE, 0, 7), "items[0].timesPerDay");
        assertItemRejected(new Dosage(1, 1, 0, Sides.NONE, 7, 7), "items[0].timesPerDay");
        assertItemRejected(new Dosage(1, 1, 0, Sides.NONE, 1, 0), "items[0].daysPerWeek");
        assertItemRejected(new Dosage(1, 1, 0, Sides.NONE, 1, 8), "items[0].daysPerWeek");
        assertThat(programs.current(patient.id()).orElseThrow().version()).isZero();

        ProgramException empty = catchThrowableOfType(ProgramException.class,
                () -> programs.publish(patient.id(), 0, List.of()));
        assertThat(empty.problems()).extracting(FieldProblem::field).containsExactly("items");
        ProgramException longNote = catchThrowableOfType(ProgramException.class,
                () -> programs.publish(patient.id(), 0, List.of(item("bridge").withNote("x".repeat(501)))));
        assertThat(longNote.problems()).extracting(FieldProblem::field).containsExactly("items[0].note");
    }

    @Test
    void holds_sixty_exercises_but_not_sixty_one() {
        List<ProgramItem> items = new ArrayList<>();
        for (int i = 0; i < 61; i++) {
            items.add(item("bridge"));
        }
        assertThatThrownBy(() -> programs.publish(patient.id(), 0, items)).isInstanceOf(ProgramException.class);
        assertThat(programs.publish(patient.id(), 0, items.subList(0, 60)).items()).hasSize(60);
    }

    @Test
    void a_therapist_of_another_clinic_cannot_read_or_write_the_program() {
        programs.publish(patient.id(), 0, List.of(item("knee-to-chest")));
        ProgramItem bridge = item("bridge");
        TestAccounts other = new TestAccounts(provisioning);
        signIn(other.therapistEmail);

        assertThat(programs.current(patient.id())).isEmpty();
        assertThatThrownBy(() -> programs.history(patient.id())).isInstanceOf(ProgramException.class);
        assertThatThrownBy(() -> programs.publish(patient.id(), 1, List.of(bridge)))
                .isInstanceOf(ProgramException.class);

        signIn(clinic.therapistEmail);
        assertThat(programs.current(patient.id()).orElseThrow().items()).extracting(ProgramItem::exerciseName)
                .containsExactly("Knee to chest");
    }

    @Test
    void another_clinics_custom_exercise_cannot_be_added_by_id() {
        TestAccounts other = new TestAccounts(provisioning);
        signIn(other.therapistEmail);
        var secret = catalog.create(new org.homestretch.catalog.ExerciseContent("Secret move", List.of(), "",
                org.homestretch.catalog.Position.STANDING, java.util.Set.of(org.homestretch.catalog.BodyArea.CORE),
                java.util.Set.of(), false, org.homestretch.catalog.BestTime.ANY, List.of("Stand.", "Move.", "Rest."),
                List.of(), List.of(), new Dosage(1, 1, 0, Sides.NONE, 1, 7)));
        ProgramItem forged = new ProgramItem(secret.id(), "Knee to chest", secret.content().dosage(), "");

        signIn(clinic.therapistEmail);
        ProgramException e = catchThrowableOfType(ProgramException.class,
                () -> programs.publish(patient.id(), 0, List.of(forged)));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("items[0]");
    }

    @Test
    void built_in_templates_come_from_the_source_articles() {
        List<Template> templates = programs.templates();

        assertThat(templates).filteredOn(t -> t.scope() == Template.Scope.BUILT_IN).extracting(Template::name)
                .contains("Morning stretches in bed", "Bedtime routine", "Morning routine",
                        "Seven stretches for lower back pain");
        Template seven = templates.stream().filter(t -> t.name().startsWith("Seven")).findFirst().orElseThrow();
        assertThat(seven.items()).hasSize(7);
        Template inBed = templates.stream().filter(t -> t.name().equals("Morning stretches in bed")).findFirst()
                .orElseThrow();
        assertThat(inBed.items()).allSatisfy(item ->
                assertThat(catalog.find(item.exerciseId()).orElseThrow().content().inBed()).isTrue());
    }

    @Test
    void a_program_started_from_a_template_is_independent_of_it() {
        Template saved = programs.saveAsTemplate("Post-op week 1", Template.Scope.PERSONAL,
                List.of(item("knee-to-chest"), item("bridge")));

        Template fromList = programs.templates().stream().filter(t -> t.id().equals(saved.id())).findFirst()
                .orElseThrow();
        List<ProgramItem> copy = new ArrayList<>(fromList.items());
        copy.set(0, copy.getFirst().withDosage(new Dosage(1, 5, 60, Sides.EACH_SIDE, 2, 7)));
        programs.publish(patient.id(), 0, copy);

        Template after = programs.templates().stream().filter(t -> t.id().equals(saved.id())).findFirst()
                .orElseThrow();
        assertThat(after.items().getFirst().dosage()).isEqualTo(item("knee-to-chest").dosage());
        assertThat(programs.current(patient.id()).orElseThrow().items().getFirst().dosage().holdSeconds())
                .isEqualTo(60);

        // Personal templates are the owner's; clinic templates are everyone's in the clinic.
        programs.saveAsTemplate("Clinic standard", Template.Scope.CLINIC, List.of(item("bridge")));
        signIn(clinic.adminEmail);
        assertThat(programs.templates()).extracting(Template::name).contains("Clinic standard")
                .doesNotContain("Post-op week 1");
        TestAccounts other = new TestAccounts(provisioning);
        signIn(other.therapistEmail);
        assertThat(programs.templates()).extracting(Template::name).doesNotContain("Clinic standard", "Post-op week 1");
    }

    @Test
    void saving_the_same_exercises_again_publishes_nothing_and_says_so() {
        List<ProgramItem> items = List.of(item("knee-to-chest"), item("bridge"));
        programs.publish(patient.id(), 0, items);

        ProgramException same = catchThrowableOfType(ProgramException.class,
                () -> programs.publish(patient.id(), 1, List.of(item("knee-to-chest"), item("bridge"))));

        assertThat(same.getMessage()).isEqualTo("No changes to save: this is the same as version 1.");
        assertThat(same.conflict()).isFalse();
        assertThat(versionRows()).isEqualTo(1);
        assertThat(programs.history(patient.id())).extracting(ProgramVersion::number).containsExactly(1);
    }

    @Test
    void a_double_click_publishes_one_version() {
        List<ProgramItem> items = List.of(item("bridge"));
        programs.publish(patient.id(), 0, items);
        List<ProgramItem> changed = List.of(item("bridge").withNote("Slowly"));

        // Two clicks send the same request twice, both expecting version 1.
        programs.publish(patient.id(), 1, changed);
        ProgramException second = catchThrowableOfType(ProgramException.class,
                () -> programs.publish(patient.id(), 1, changed));

        assertThat(second).isNotNull();
        assertThat(versionRows()).isEqualTo(2);
        // Whoever's second click catches up with the new version is told there is nothing to save.
        assertThatThrownBy(() -> programs.publish(patient.id(), 2, changed))
                .hasMessageContaining("No changes to save");
        assertThat(versionRows()).isEqualTo(2);
        assertThat(programs.history(patient.id()).getFirst().changes()).containsExactly("Bridge: note added");
    }

    private int versionRows() {
        return jdbc.sql("select count(*) from program_version v join program p on p.id = v.program_id "
                + "where p.patient_id = :patient").param("patient", patient.id().value()).query(Integer.class).single();
    }

    private ProgramItem item(String slug) {
        return programs.newItem(catalog.find(slug).orElseThrow().id());
    }

    private void assertItemRejected(Dosage dosage, String field) {
        ProgramException e = catchThrowableOfType(ProgramException.class,
                () -> programs.publish(patient.id(), 0, List.of(item("bridge").withDosage(dosage))));
        assertThat(e).as(field).isNotNull();
        assertThat(e.problems()).extracting(FieldProblem::field).contains(field);
    }

    private void signIn(String email) {
        TestSignIn.as(users, email);
    }

    @Test
    void condition_templates_use_chair_standing_nerve_glides_and_walking() {
        List<Template> builtIn = programs.templates().stream().filter(t -> t.scope() == Template.Scope.BUILT_IN).toList();
        Template floor = named(builtIn, "Can't get down to the floor");
        Template sciatica = named(builtIn, "Sciatica-type leg pain");
        Template office = named(builtIn, "Office worker");

        // Nobody who can't get down is sent to the floor.
        assertThat(floor.items()).hasSize(6).allSatisfy(item -> assertThat(position(item))
                .isIn(org.homestretch.catalog.Position.CHAIR, org.homestretch.catalog.Position.STANDING));
        assertThat(office.items()).hasSize(6).allSatisfy(item -> assertThat(position(item))
                .isIn(org.homestretch.catalog.Position.CHAIR, org.homestretch.catalog.Position.STANDING));
        assertThat(sciatica.items()).extracting(ProgramItem::exerciseName)
                .contains("Seated sciatic nerve glide", "Lying sciatic nerve glide", "Press-up on your front", "Walking");
        // The nerve glides carry the warning signs of both tiers, in the patient's words.
        assertThat(sciatica.items()).filteredOn(item -> item.exerciseName().contains("nerve glide"))
                .hasSize(2).allSatisfy(item -> assertThat(item.note())
                        .contains("stop and call the clinic").contains("call the emergency number now"));
        // Walking comes with its catalog dose in minutes.
        for (Template t : List.of(floor, sciatica, office)) {
            assertThat(t.items()).filteredOn(item -> item.exerciseName().equals("Walking")).singleElement()
                    .satisfies(item -> assertThat(item.dosage()).isEqualTo(Dosage.timed(10, 1, 7)));
        }
    }

    @Test
    void a_walk_in_minutes_is_stored_and_read_back_and_counted_items_read_as_before() {
        signIn(clinic.therapistEmail);
        ProgramItem walk = item("walking").withDosage(Dosage.timed(25, 2, 5));
        ProgramItem bridge = item("bridge");
        programs.publish(patient.id(), 0, List.of(walk, bridge));

        PatientProgram read = programs.current(patient.id()).orElseThrow();
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.items()).extracting(ProgramItem::dosage)
                .containsExactly(Dosage.timed(25, 2, 5), catalog.find("bridge").orElseThrow().content().dosage());
        assertThat(read.items().get(1).dosage().minutes()).isZero();
        assertThat(SessionTime.of(read.items().get(0).dosage())).isEqualTo(java.time.Duration.ofSeconds(15 + 25 * 60));
    }

    private static Template named(List<Template> templates, String name) {
        return templates.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    private org.homestretch.catalog.Position position(ProgramItem item) {
        return catalog.find(item.exerciseId()).orElseThrow().content().position();
    }
}
