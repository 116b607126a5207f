package org.homestretch.patient;

import org.homestretch.clinic.ClinicService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.homestretch.audit.AuditTrail;
import org.homestretch.base.FactRow;
import org.homestretch.security.AccountService;

/** One patient's record. An id of another clinic's patient is simply "not found". */
@Route("patients")
@PermitAll
public class PatientView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    private final PatientService patients;
    private final AccountService accounts;
    private final ClinicService clinics;
    private final AuditTrail trail;
    private Patient patient;

    PatientView(PatientService patients, AccountService accounts, ClinicService clinics, AuditTrail trail) {
        this.patients = patients;
        this.accounts = accounts;
        this.clinics = clinics;
        this.trail = trail;
        addClassNames("hs-page", "hs-patient");
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        patient = PatientId.parse(id).flatMap(patients::open).orElseThrow(NotFoundException::new);
        render();
    }

    @Override
    public String getPageTitle() {
        return patient == null ? "Patient" : patient.fullName();
    }

    private void render() {
        removeAll();
        PatientDetails d = patient.details();
        H2 name = new H2(patient.fullName());
        Div heading = new Div(name);
        heading.addClassName("hs-detail-heading");
        if (patient.archived()) {
            Span badge = new Span("Archived");
            badge.getElement().getThemeList().add("badge contrast");
            heading.add(badge);
        }
        Div facts = new Div(
                new FactRow("Date of birth", d.dateOfBirth() == null ? "Not recorded"
                        : clinics.current().dateStyle().longDate(d.dateOfBirth())),
                new FactRow("Therapist", patient.therapistName() == null ? "Not assigned" : patient.therapistName()),
                new FactRow("Email", d.email().isEmpty() ? "Not recorded" : d.email()),
                new FactRow("Phone", d.phone().isEmpty() ? "Not recorded" : d.phone()),
                new FactRow("Handout language", "English"));
        facts.addClassName("hs-facts");
        add(heading, actions(), facts);
        if (!d.notes().isEmpty()) {
            Paragraph notes = new Paragraph(d.notes());
            notes.addClassName("hs-notes");
            add(notes);
        }
    }

    private Component actions() {
        FlexLayout actions = new FlexLayout();
        actions.addClassName("hs-actions");
        // By address, not class: the program feature builds on patients, not the other way round.
        Button program = new Button("Home program", VaadinIcon.LIST_OL.create(), click ->
                getUI().ifPresent(ui -> ui.navigate("patients/" + patient.id().value() + "/program")));
        program.addThemeVariants(ButtonVariant.PRIMARY);
        Button checkins = new Button("Check-ins", VaadinIcon.CHECK_SQUARE_O.create(), click ->
                getUI().ifPresent(ui -> ui.navigate("patients/" + patient.id().value() + "/checkins")));
        Button adherence = new Button("Adherence", VaadinIcon.CHART.create(), click ->
                getUI().ifPresent(ui -> ui.navigate("patients/" + patient.id().value() + "/adherence")));
        Button edit = new Button("Edit details", VaadinIcon.EDIT.create());
        edit.addClickListener(click -> new PatientDialog(patients, accounts, clinics, patient, saved -> {
            patient = saved;
            render();
        }).open());
        Button archive = new Button(patient.archived() ? "Restore" : "Archive");
        archive.addClickListener(click -> {
            patients.setArchived(patient.id(), !patient.archived());
            Notification.show(patient.archived() ? "Restored." : "Archived. You can restore the record at any time.",
                    4000, Notification.Position.BOTTOM_START);
            patient = patients.find(patient.id()).orElseThrow(NotFoundException::new);
            render();
        });
        actions.add(program, checkins, adherence, edit, archive);
        if (accounts.isAdmin()) {
            Button delete = new Button("Delete permanently", VaadinIcon.TRASH.create());
            delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            delete.addClickListener(click -> confirmDelete());
            actions.add(RecordAccessDialog.opener(trail, patient, clinics.current().timeZone(), clinics.current().dateStyle()));
            actions.add(delete);
        }
        return actions;
    }

    void confirmDelete() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Delete " + patient.fullName() + " permanently?");
        TextField typed = new TextField("Type the patient's full name to confirm");
        typed.setWidthFull();
        dialog.add(new Paragraph("This removes the record and everything recorded for this patient: programs, "
                + "check-ins and access links. It cannot be undone. To keep the record, archive it instead."), typed);
        Button delete = new Button("Delete for good");
        delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
        delete.addClickListener(click -> {
            try {
                patients.deletePermanently(patient.id(), typed.getValue());
                dialog.close();
                Notification.show("The patient was deleted.", 4000, Notification.Position.BOTTOM_START);
                getUI().ifPresent(ui -> ui.navigate(PatientsView.class));
            } catch (PatientException e) {
                typed.setErrorMessage(e.getMessage());
                typed.setInvalid(true);
            }
        });
        dialog.getFooter().add(new Button("Cancel", c -> dialog.close()), delete);
        dialog.open();
    }

}
