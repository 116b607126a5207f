package org.homestretch.program;

import org.homestretch.catalog.CatalogService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor's "Print handout" link: only once a version exists, always to the saved version. */
class HandoutLinkTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;

    Patient patient;

    @BeforeEach
    void createPatient() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);
        patient = patients.create(new PatientDetails("Maria", "Gonzalez", null, "", "", "en", null, ""));
    }

    @Test
    void there_is_no_print_link_before_the_first_version_is_saved() {
        ProgramEditorView editor = open();
        assertThat(editor.print.isVisible()).isFalse();
    }

    @Test
    void the_print_link_opens_the_saved_versions_pdf_in_a_new_tab_with_the_chosen_options() {
        programs.publish(patient.id(), 0, List.of(programs.newItem(catalog.find("bridge").orElseThrow().id())));
        ProgramVersion saved = programs.history(patient.id()).getFirst();
        ProgramEditorView editor = open();

        assertThat(editor.print.isVisible()).isTrue();
        assertThat(editor.printHandout.getText()).isEqualTo("Print handout (version 1)");
        assertThat(editor.printHandout.getHref())
                .isEqualTo("handouts/" + saved.id().value() + ".pdf?largePrint=false&log=false");
        assertThat(editor.printHandout.getTarget()).hasValue("_blank");

        type(editor.largePrint, true);
        type(editor.paperLog, true);

        assertThat(editor.printHandout.getHref())
                .isEqualTo("handouts/" + saved.id().value() + ".pdf?largePrint=true&log=true");
    }

    @Test
    void with_unsaved_changes_the_link_asks_to_save_first_and_points_at_the_new_version_after_saving() {
        programs.publish(patient.id(), 0, List.of(programs.newItem(catalog.find("bridge").orElseThrow().id())));
        ProgramEditorView editor = open();

        type(editor.cards.getFirst().dosage.holdSeconds, 25);

        assertThat(editor.printHandout.getHref()).isEmpty();
        assertThat(editor.printHandout.getText()).isEqualTo("Print handout: save your changes first");
        assertThat(editor.printNote.getText())
                .isEqualTo("Your changes on screen are not saved. Version 1 on paper would not have them.");

        com.github.mvysny.kaributesting.v10.LocatorJ._click(editor.save);

        ProgramVersion newest = programs.history(patient.id()).getFirst();
        assertThat(newest.number()).isEqualTo(2);
        assertThat(editor.printHandout.getText()).isEqualTo("Print handout (version 2)");
        assertThat(editor.printHandout.getHref())
                .isEqualTo("handouts/" + newest.id().value() + ".pdf?largePrint=false&log=false");
        assertThat(editor.printNote.isVisible()).isFalse();
    }

    @Test
    void undoing_the_edit_by_hand_makes_the_link_live_again() {
        programs.publish(patient.id(), 0, List.of(programs.newItem(catalog.find("bridge").orElseThrow().id())));
        ProgramEditorView editor = open();
        int hold = editor.cards.getFirst().dosage.holdSeconds.getValue();

        type(editor.cards.getFirst().dosage.holdSeconds, hold + 5);
        type(editor.cards.getFirst().dosage.holdSeconds, hold);

        assertThat(editor.printHandout.getText()).isEqualTo("Print handout (version 1)");
        assertThat(editor.printHandout.getHref()).endsWith(".pdf?largePrint=false&log=false");
    }

    private ProgramEditorView open() {
        com.vaadin.flow.component.UI.getCurrent().navigate("patients/" + patient.id().value() + "/program");
        return com.github.mvysny.kaributesting.v10.LocatorJ._get(ProgramEditorView.class);
    }
}
