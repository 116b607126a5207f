package org.homestretch.program;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import org.homestretch.catalog.CatalogService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.HostileCorpus;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input corpus (a sample per field) through the program editor: the note for the
 * patient, the exercise search box and the template name. Each note is published exactly as
 * typed or refused next to its field; nothing fails.
 */
class ProgramHostileInputTest extends KaribuTest {

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
        signInAs(new TestAccounts(provisioning).therapistEmail);
        patient = patients.create(new PatientDetails("Maria", "Gonzalez", null, "", "", "en", null, ""));
    }

    @Test
    void notes_search_words_and_template_names_are_stored_exactly_or_refused_next_to_the_field() {
        HostileCorpus.Tally tally = new HostileCorpus.Tally("program editor");
        ProgramEditorView editor = open();
        for (String entry : HostileCorpus.sample(6, 0)) {
            try {
                type(editor.search, entry);
                tally.stored("exercise search");
            } catch (RuntimeException e) {
                tally.failed("exercise search", entry, e.getClass().getSimpleName());
            }
        }
        type(editor.search, "bridge");
        _click(_find(Button.class, spec -> spec.withText("Add Bridge")).getFirst());

        for (String entry : HostileCorpus.sample(6, 1)) {
            note(tally, editor, entry);
        }
        type(editor.cards.getFirst().note, ""); // a template copies the items: only its name is under test
        for (String entry : HostileCorpus.sample(6, 2)) {
            templateName(tally, editor, entry);
        }
        tally.print();

        assertThat(tally.failures()).isEmpty();
    }

    private void note(HostileCorpus.Tally tally, ProgramEditorView editor, String entry) {
        int before = programs.current(patient.id()).map(PatientProgram::version).orElse(0);
        ItemCard card = editor.cards.getFirst();
        try {
            type(card.note, entry);
            _click(editor.save);
        } catch (RuntimeException e) {
            tally.failed("note", entry, e.getClass().getSimpleName());
            return;
        }
        PatientProgram now = programs.current(patient.id()).orElseThrow();
        String stored = now.items().getFirst().note();
        if (card.note.isInvalid()) {
            boolean kept = card.note.getValue().equals(entry) && now.version() == before;
            if (kept && card.note.getErrorMessage() != null && !card.note.getErrorMessage().isBlank()) {
                tally.refused("note");
            } else {
                tally.failed("note", entry, "refused without keeping the note or without a message");
            }
        } else if (stored.equals(entry.strip())) {
            tally.stored("note");
        } else {
            tally.failed("note", entry, "published as " + HostileCorpus.describe(stored));
        }
    }

    private void templateName(HostileCorpus.Tally tally, ProgramEditorView editor, String entry) {
        int before = programs.templates().size();
        try {
            _click(_get(Button.class, spec -> spec.withText("Save as template")));
            SaveAsTemplateDialog dialog = _get(SaveAsTemplateDialog.class);
            TextField name = _get(dialog, TextField.class);
            type(name, entry);
            _click(_get(dialog, Button.class, spec -> spec.withText("Save template")));
            List<Template> after = programs.templates();
            if (after.size() == before + 1 && after.stream().anyMatch(t -> t.name().equals(entry.strip()))) {
                tally.stored("template name");
            } else if (after.size() == before && dialog.isOpened() && name.isInvalid()
                    && name.getErrorMessage() != null && !name.getErrorMessage().isBlank()) {
                tally.refused("template name");
                dialog.close();
            } else {
                tally.failed("template name", entry, "neither saved nor refused next to the field");
                dialog.close();
            }
        } catch (RuntimeException e) {
            tally.failed("template name", entry, e.getClass().getSimpleName());
        }
    }

    private ProgramEditorView open() {
        UI.getCurrent().navigate("patients");
        UI.getCurrent().navigate("patients/" + patient.id().value() + "/program");
        return _get(ProgramEditorView.class);
    }
}
