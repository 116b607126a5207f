package org.homestretch.program;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireReject;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._getHeader;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._getText;
import static org.assertj.core.api.Assertions.assertThat;

class ProgramEditorViewTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    org.homestretch.catalog.CatalogService catalog;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    org.homestretch.support.MutableClock clock;

    TestAccounts clinic;
    Patient patient;

    @BeforeEach
    void createPatient() {
        clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);
        patient = patients.create(new PatientDetails("Maria", "Gonzalez", null, "", "", "en", null, ""));
    }

    @Test
    void builds_a_program_by_searching_adding_adjusting_and_reordering_then_saves_a_version() {
        ProgramEditorView editor = open();

        addExercise(editor, "knee hug", "Add Knee to chest");
        addExercise(editor, "bridge", "Add Bridge");
        type(editor.cards.get(0).dosage.holdSeconds, 45);
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Move Bridge up")));
        assertThat(editor.draft).extracting(ProgramItem::exerciseName).containsExactly("Bridge", "Knee to chest");
        assertThat(editor.summary.getText()).contains("2 exercises").contains("unsaved changes");

        _click(editor.save);

        ProgramEditorView reloaded = open();
        assertThat(reloaded.draft).extracting(ProgramItem::exerciseName).containsExactly("Bridge", "Knee to chest");
        assertThat(reloaded.draft.get(1).dosage().holdSeconds()).isEqualTo(45);
        assertThat(programs.current(patient.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void shows_a_dosage_problem_next_to_its_field_and_saves_nothing() {
        ProgramEditorView editor = open();
        addExercise(editor, "bridge", "Add Bridge");
        editor.cards.getFirst().dosage.sets.clear();

        _click(editor.save);

        assertThat(editor.cards.getFirst().dosage.sets.isInvalid()).isTrue();
        assertThat(editor.cards.getFirst().dosage.sets.getErrorMessage()).isEqualTo("Sets must be between 1 and 10.");
        assertThat(programs.current(patient.id()).orElseThrow().version()).isZero();
    }

    @Test
    void a_save_after_someone_else_saved_keeps_my_edits_and_offers_their_version() {
        programs.publish(patient.id(), 0, java.util.List.of(programs.newItem(
                catalogId("bridge"))));
        ProgramEditorView editor = open();
        addExercise(editor, "plank", "Add Plank");
        // Meanwhile a colleague publishes version 2.
        programs.publish(patient.id(), 1, java.util.List.of(programs.newItem(catalogId("pelvic-tilt"))));

        _click(editor.save);

        com.vaadin.flow.component.dialog.Dialog dialog = _get(com.vaadin.flow.component.dialog.Dialog.class);
        assertThat(dialog.getElement().getTextRecursively()).contains("Someone else saved").contains("Added: Plank");
        assertThat(editor.draft).extracting(ProgramItem::exerciseName).containsExactly("Bridge", "Plank");
        assertThat(programs.current(patient.id()).orElseThrow().items()).extracting(ProgramItem::exerciseName)
                .containsExactly("Pelvic tilt");

        _click(_get(Button.class, spec -> spec.withText("Load their version")));
        assertThat(_get(ProgramEditorView.class).draft).extracting(ProgramItem::exerciseName)
                .containsExactly("Pelvic tilt");
    }

    @Test
    void three_saves_in_one_visit_publish_exactly_three_versions() {
        ProgramEditorView editor = open();
        addExercise(editor, "bridge", "Add Bridge");
        _click(editor.save);
        assertThat(versionRows()).isEqualTo(1);

        type(editor.cards.getFirst().dosage.holdSeconds, 20);
        _click(editor.save);
        assertThat(versionRows()).isEqualTo(2);

        type(editor.cards.getFirst().dosage.holdSeconds, 30);
        _click(editor.save);
        assertThat(versionRows()).isEqualTo(3);
        assertThat(programs.history(patient.id())).extracting(ProgramVersion::changes).containsExactly(
                java.util.List.of("Bridge: hold 20 → 30 s"), java.util.List.of("Bridge: hold 5 → 20 s"),
                java.util.List.of("First version"));
        assertThat(editor.getElement().getTextRecursively()).contains("Version 3");
    }

    @Test
    void after_two_saves_a_template_asks_once() {
        ProgramEditorView editor = open();
        addExercise(editor, "bridge", "Add Bridge");
        _click(editor.save);
        type(editor.cards.getFirst().dosage.holdSeconds, 20);
        _click(editor.save);

        editor.template.setValue(editor.template.getListDataView().getItems().findFirst().orElseThrow());

        assertThat(_find(ConfirmDialog.class)).hasSize(1);
    }

    @Test
    void a_double_click_on_save_publishes_one_version_and_the_second_says_there_is_nothing_new() {
        ProgramEditorView editor = open();
        addExercise(editor, "bridge", "Add Bridge");

        _click(editor.save);
        _click(editor.save);

        assertThat(versionRows()).isEqualTo(1);
        assertThat(editor.formError.isVisible()).isTrue();
        assertThat(editor.formError.getText()).isEqualTo("No changes to save: this is the same as version 1.");
    }

    @Test
    void version_times_are_shown_in_the_clinics_time_zone() {
        // Kathmandu is 5 h 45 min ahead of UTC: no server default shows the same clock time.
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        var clinicId = provisioning.createClinic("Kathmandu " + suffix, java.time.ZoneId.of("Asia/Kathmandu"),
                new org.homestretch.security.NewAccount("Ada Admin", "ka-" + suffix + "@example.org",
                        TestAccounts.PASSWORD, org.homestretch.security.Role.ADMIN));
        provisioning.addAccount(clinicId, new org.homestretch.security.NewAccount("Theo Therapist",
                "kt-" + suffix + "@example.org", TestAccounts.PASSWORD, org.homestretch.security.Role.THERAPIST));
        signInAs("kt-" + suffix + "@example.org");
        patient = patients.create(new PatientDetails("Hari", "Thapa", null, "", "", "en", null, ""));
        clock.set(java.time.Instant.parse("2026-11-30T10:00:00Z"));
        try {
            programs.publish(patient.id(), 0, java.util.List.of(programs.newItem(catalogId("bridge"))));
            ProgramEditorView editor = open();
            assertThat(editor.history.getElement().getTextRecursively()).contains("30 Nov 2026, 15:45");
        } finally {
            clock.reset();
        }
    }

    private int versionRows() {
        return jdbc.sql("select count(*) from program_version v join program p on p.id = v.program_id "
                + "where p.patient_id = :patient").param("patient", patient.id().value()).query(Integer.class).single();
    }

    private org.homestretch.catalog.ExerciseId catalogId(String slug) {
        return catalog.find(slug).orElseThrow().id();
    }

    @Test
    void removing_an_item_can_be_undone() {
        ProgramEditorView editor = open();
        addExercise(editor, "bridge", "Add Bridge");
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Remove Bridge")));
        assertThat(editor.draft).isEmpty();

        _click(_get(Button.class, spec -> spec.withText("Undo")));

        assertThat(editor.draft).extracting(ProgramItem::exerciseName).containsExactly("Bridge");
    }

    @Test
    void leaving_with_unsaved_changes_asks_first() {
        ProgramEditorView editor = open();
        addExercise(editor, "bridge", "Add Bridge");

        UI.getCurrent().navigate("patients");

        _assertOne(ConfirmDialog.class);
        _assertOne(ProgramEditorView.class);
        assertThat(editor.draft).hasSize(1);
    }

    @Test
    void a_long_program_gets_a_gentle_note() {
        ProgramEditorView editor = open();
        for (String name : new String[]{"Bridge", "Plank", "Bird dog", "Cat-camel", "Child's pose", "Pelvic tilt",
                "Knee sway"}) {
            addExercise(editor, name, "Add " + name);
        }
        assertThat(editor.advice.isVisible()).isTrue();
        assertThat(editor.advice.getText()).contains("7 exercises").contains("a few exercises");
    }

    @Test
    void another_clinics_patient_program_is_not_found() {
        TestAccounts other = new TestAccounts(provisioning);
        signInAs(other.therapistEmail);
        UI.getCurrent().navigate("patients");
        UI.getCurrent().navigate("patients/" + patient.id().value() + "/program");
        _assertOne(org.homestretch.base.NotFoundView.class);
        _assertNone(ProgramEditorView.class);
    }

    @Test
    void unsaved_edits_survive_the_end_of_the_session_and_are_offered_back() {
        ProgramEditorView editor = open();
        addExercise(editor, "bridge", "Add Bridge");
        type(editor.cards.getFirst().dosage.holdSeconds, 20);
        assertThat(draftRows()).isEqualTo(1);

        // Signed out (automatic logoff, or the tab closed): the page and its state are gone.
        newSession(clinic.therapistEmail);
        ProgramEditorView reopened = open();
        assertThat(reopened.draft).isEmpty();
        ConfirmDialog offer = _get(ConfirmDialog.class);
        assertThat(_getHeader(offer)).isEqualTo("Get your unsaved changes back?");
        assertThat(_getText(offer)).contains("did not save it (1 exercise).");
        _fireConfirm(offer);

        assertThat(reopened.draft).extracting(ProgramItem::exerciseName).containsExactly("Bridge");
        assertThat(reopened.draft.getFirst().dosage().holdSeconds()).isEqualTo(20);
        assertThat(reopened.summary.getText()).contains("unsaved changes");
        _click(reopened.save);
        assertThat(programs.current(patient.id()).orElseThrow().items()).extracting(ProgramItem::exerciseName)
                .containsExactly("Bridge");
        assertThat(draftRows()).isZero();
    }

    @Test
    void kept_edits_declined_once_are_not_offered_again_nor_shown_to_a_colleague() {
        addExercise(open(), "bridge", "Add Bridge");

        newSession(clinic.adminEmail);
        open();
        _assertNone(ConfirmDialog.class);
        assertThat(draftRows()).isEqualTo(1);

        newSession(clinic.therapistEmail);
        ProgramEditorView editor = open();
        _fireReject(_get(ConfirmDialog.class));
        assertThat(editor.draft).isEmpty();
        assertThat(draftRows()).isZero();

        newSession(clinic.therapistEmail);
        open();
        _assertNone(ConfirmDialog.class);
    }

    @Test
    void leaving_and_discarding_forgets_the_kept_edits() {
        ProgramEditorView editor = open();
        addExercise(editor, "bridge", "Add Bridge");
        assertThat(draftRows()).isEqualTo(1);

        UI.getCurrent().navigate("patients");
        _fireConfirm(_get(ConfirmDialog.class));

        _assertNone(ProgramEditorView.class);
        assertThat(draftRows()).isZero();
    }

    private int draftRows() {
        return jdbc.sql("select count(*) from program_draft where patient_id = ?").param(patient.id().value())
                .query(Integer.class).single();
    }

    /** A new browser session: the old UI and everything only it held are gone. */
    private void newSession(String email) {
        signOut();
        com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
        kotlin.jvm.functions.Function0<UI> ui = UI::new;
        com.github.mvysny.kaributesting.v10.MockVaadin.setup(ui,
                new com.github.mvysny.kaributesting.v10.spring.MockSpringServlet(ROUTES, context, ui));
        signInAs(email);
    }

    private static final com.github.mvysny.kaributesting.v10.Routes ROUTES =
            new com.github.mvysny.kaributesting.v10.Routes().autoDiscoverViews("org.homestretch");

    private ProgramEditorView open() {
        UI.getCurrent().navigate("patients");
        UI.getCurrent().navigate("patients/" + patient.id().value() + "/program");
        return _get(ProgramEditorView.class);
    }

    private void addExercise(ProgramEditorView editor, String search, String buttonText) {
        type(editor.search, search);
        assertThat(_find(Button.class, spec -> spec.withText(buttonText))).as(buttonText).isNotEmpty();
        _click(_find(Button.class, spec -> spec.withText(buttonText)).getFirst());
    }
}
