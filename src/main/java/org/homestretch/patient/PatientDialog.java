package org.homestretch.patient;

import org.homestretch.clinic.ClinicService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import org.homestretch.security.AccountService;

import java.util.function.Consumer;

/** Creates a patient or edits one; stays open with the input kept until the save succeeds. */
class PatientDialog extends Dialog {

    final PatientForm form;
    final Button save = new Button("Save");

    PatientDialog(PatientService patients, AccountService accounts, ClinicService clinics, Patient existing, Consumer<Patient> onSaved) {
        form = new PatientForm(accounts.colleagues(), clinics.current().dateStyle());
        setHeaderTitle(existing == null ? "New patient" : "Edit " + existing.fullName());
        setCloseOnOutsideClick(false);
        setWidth("min(48rem, 95vw)");
        if (existing != null) {
            form.show(existing.details());
        } else {
            form.language.setValue("en");
            accounts.colleagues().stream()
                    .filter(c -> c.id().equals(accounts.currentUserId()))
                    .findFirst().ifPresent(form.therapist::setValue);
        }
        add(form);
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(click -> {
            form.clearProblems();
            if (!form.typedInputReadable()) {
                return;
            }
            try {
                Patient saved = existing == null
                        ? patients.create(form.read())
                        : patients.update(existing.id(), existing.version(), form.read());
                close();
                onSaved.accept(saved);
            } catch (PatientException e) {
                form.showProblems(e.problems());
            }
        });
        getFooter().add(new Button("Cancel", click -> close()), save);
    }
}
