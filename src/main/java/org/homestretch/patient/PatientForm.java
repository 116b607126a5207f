package org.homestretch.patient;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.homestretch.base.DateFields;
import org.homestretch.base.DateStyle;
import org.homestretch.base.FieldProblem;
import org.homestretch.base.FormMessages;
import org.homestretch.security.UserAccount;
import org.homestretch.security.UserId;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The fields of a patient record; the service's messages appear next to the field they concern. */
class PatientForm extends FormLayout {

    final TextField firstName = new TextField("First name");
    final TextField lastName = new TextField("Last name");
    final DatePicker dateOfBirth = new DatePicker("Date of birth (optional)");
    final EmailField email = new EmailField("Email (optional)");
    final TextField phone = new TextField("Phone (optional)");
    final Select<String> language = new Select<>();
    final ComboBox<UserAccount> therapist = new ComboBox<>("Therapist");
    final TextArea notes = new TextArea("Notes");
    final Div formError = new Div();

    private final Map<String, HasValidation> fields;
    private final List<UserAccount> colleagues;

    PatientForm(List<UserAccount> colleagues, DateStyle dateStyle) {
        this.colleagues = colleagues;
        DateFields.useClinicStyle(dateOfBirth, dateStyle);
        fields = Map.of("firstName", firstName, "lastName", lastName, "dateOfBirth", dateOfBirth, "email", email,
                "phone", phone, "handoutLanguage", language, "therapistId", therapist, "notes", notes);
        firstName.setMaxLength(PatientDetails.NAME_MAX);
        lastName.setMaxLength(PatientDetails.NAME_MAX);
        firstName.setRequiredIndicatorVisible(true);
        lastName.setRequiredIndicatorVisible(true);
        email.setMaxLength(PatientDetails.EMAIL_MAX);
        phone.setMaxLength(PatientDetails.PHONE_MAX);
        language.setLabel("Handout language");
        language.setItems(PatientDetails.LANGUAGES);
        language.setItemLabelGenerator(code -> "en".equals(code) ? "English" : code);
        therapist.setItems(colleagues);
        therapist.setItemLabelGenerator(UserAccount::displayName);
        therapist.setClearButtonVisible(true);
        notes.setMaxLength(PatientDetails.NOTES_MAX);
        notes.setHelperText("Only staff see these notes.");
        formError.addClassName("hs-form-error");
        formError.setVisible(false);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("36em", 2));
        add(firstName, lastName, dateOfBirth, therapist, email, phone, language);
        add(notes, 2);
        add(formError, 2);
    }

    void show(PatientDetails d) {
        firstName.setValue(d.firstName());
        lastName.setValue(d.lastName());
        dateOfBirth.setValue(d.dateOfBirth());
        email.setValue(d.email());
        phone.setValue(d.phone());
        language.setValue(d.handoutLanguage());
        therapist.setValue(colleagues.stream().filter(c -> c.id().equals(d.therapistId())).findFirst().orElse(null));
        notes.setValue(d.notes());
    }

    PatientDetails read() {
        UserId therapistId = therapist.getValue() == null ? null : therapist.getValue().id();
        return new PatientDetails(firstName.getValue(), lastName.getValue(), dateOfBirth.getValue(),
                email.getValue(), phone.getValue(), Objects.requireNonNullElse(language.getValue(), "en"), therapistId,
                notes.getValue());
    }

    void clearProblems() {
        FormMessages.clear(fields, formError);
        // A message the service put here would otherwise hide the field's own for the next bad input.
        dateOfBirth.setErrorMessage(null);
    }

    /**
     * False, with a message next to the field, when the date of birth holds text that is not a
     * date: saving then would store "no date" although the user typed one.
     */
    boolean typedInputReadable() {
        return DateFields.readable(dateOfBirth);
    }

    void showProblems(List<FieldProblem> problems) {
        FormMessages.show(problems, fields, formError);
    }
}
