package org.homestretch.patient;

import com.vaadin.flow.component.UI;
import org.homestretch.clinic.ClinicService;
import org.homestretch.security.AccountService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.HostileCorpus;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input corpus through the patient dialog (every entry as first name and as notes,
 * a sample as last name, email and phone) and the patients search box: each value is stored
 * exactly as typed or refused with a message next to its field, and nothing fails.
 */
class PatientDialogHostileTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    PatientService patients;
    @Autowired
    AccountService accounts;
    @Autowired
    ClinicService clinics;
    @Autowired
    JdbcClient jdbc;

    TestAccounts clinic;
    int stored;

    @BeforeEach
    void signInAsTherapist() {
        clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);
    }

    @Test
    void every_entry_in_every_text_field_is_stored_exactly_or_refused_next_to_the_field() {
        HostileCorpus.Tally tally = new HostileCorpus.Tally("patient dialog");
        for (String entry : HostileCorpus.strings()) {
            save(tally, "firstName", f -> f.firstName, entry, d -> d.firstName());
        }
        // A share of the corpus for each other field, so that the test stays quick.
        for (String entry : HostileCorpus.sample(3, 0)) {
            save(tally, "notes", f -> f.notes, entry, d -> d.notes());
        }
        for (String entry : HostileCorpus.sample(8, 1)) {
            save(tally, "lastName", f -> f.lastName, entry, d -> d.lastName());
        }
        for (String entry : HostileCorpus.sample(8, 2)) {
            save(tally, "email", f -> f.email, entry, d -> d.email());
        }
        for (String entry : HostileCorpus.sample(8, 3)) {
            save(tally, "phone", f -> f.phone, entry, d -> d.phone());
        }
        tally.print();

        assertThat(tally.failures()).isEmpty();
        assertThat(jdbc.sql("select count(*) from patient where clinic_id = ?").param(clinic.clinicId.value())
                .query(Integer.class).single()).as("one patient row per value stored, none for refused ones").isEqualTo(stored);
    }

    @Test
    void the_patients_search_box_takes_every_entry_without_failing() {
        HostileCorpus.Tally tally = new HostileCorpus.Tally("patients search");
        patients.create(new PatientDetails("Maria", "Gonzalez", null, "", "", "en", null, ""));
        // A second patient, so that a search word taken as a wildcard ("%", "_") would show.
        patients.create(new PatientDetails("Theo", "Brown", null, "", "", "en", null, ""));
        UI.getCurrent().navigate("patients");
        PatientsView view = _get(PatientsView.class);
        view.whose.setValue(PatientsView.ALL);
        for (String entry : HostileCorpus.strings()) {
            try {
                type(view.search, entry);
                int found = _size(view.grid);
                // Nothing left to search for (only spaces or hidden characters) lists everyone.
                boolean nothing = entry.codePoints().allMatch(cp -> Character.isWhitespace(cp)
                        || Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.SURROGATE);
                if (found <= 1 || (nothing && found == 2)) {
                    tally.stored("search");
                } else {
                    tally.failed("search", entry, found + " results");
                }
            } catch (RuntimeException e) {
                tally.failed("search", entry, e.getClass().getSimpleName());
            }
        }
        tally.print();

        assertThat(tally.failures()).isEmpty();
        type(view.search, "Maria\u0000");
        assertThat(_size(view.grid)).as("a hidden character pasted along is left out of the search").isEqualTo(1);
    }

    /**
     * Types one value into one field of a new patient whose other fields are fine, saves, and
     * sorts the outcome: stored exactly (read back through the service), or refused with a
     * message next to that field and the dialog still open with the value kept.
     */
    private void save(HostileCorpus.Tally tally, String field, Function<PatientForm, ? extends com.vaadin.flow.component.HasValue<?, String>> which,
                      String entry, Function<PatientDetails, String> readBack) {
        AtomicReference<Patient> saved = new AtomicReference<>();
        PatientDialog dialog = new PatientDialog(patients, accounts, clinics, null, saved::set);
        dialog.open();
        PatientForm form = dialog.form;
        type(form.firstName, "Pat");
        type(form.lastName, "Ient");
        type(which.apply(form), entry);
        try {
            _click(dialog.save);
        } catch (RuntimeException e) {
            tally.failed(field, entry, e.getClass().getSimpleName());
            dialog.close();
            return;
        }
        if (saved.get() != null) {
            stored++;
            String back = readBack.apply(patients.find(saved.get().id()).orElseThrow().details());
            if (back.equals(entry.strip())) {
                tally.stored(field);
            } else {
                tally.failed(field, entry, "stored as " + HostileCorpus.describe(back));
            }
            return;
        }
        var component = (com.vaadin.flow.component.HasValidation) which.apply(form);
        String message = component.getErrorMessage();
        if (dialog.isOpened() && component.isInvalid() && message != null && !message.isBlank()
                && which.apply(form).getValue().equals(entry)) {
            tally.refused(field);
        } else {
            tally.failed(field, entry, "neither saved nor refused next to the field");
        }
        dialog.close();
    }
}
