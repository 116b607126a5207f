package org.homestretch.patient;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.dom.DomEvent;
import org.homestretch.security.AccountService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.JsonNodeFactory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class PatientsViewTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    AccountService accounts;
    @Autowired
    org.homestretch.clinic.ClinicService clinics;
    @Autowired
    JdbcClient jdbc;

    TestAccounts clinic;

    @BeforeEach
    void signInAsTherapist() {
        clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);
    }

    @Test
    void a_new_patient_is_validated_next_to_each_field_then_saved_and_opened() {
        UI.getCurrent().navigate("patients");
        PatientsView list = _get(PatientsView.class);
        assertThat(_size(list.grid)).isZero();

        _click(list.add);
        PatientDialog dialog = _get(PatientDialog.class);
        assertThat(dialog.form.therapist.getValue().displayName()).isEqualTo("Theo Therapist");
        type(dialog.form.lastName, "Gonzalez");
        type(dialog.form.email, "not an email");
        _click(dialog.save);

        assertThat(dialog.form.firstName.isInvalid()).isTrue();
        assertThat(dialog.form.firstName.getErrorMessage()).isEqualTo("Enter the first name.");
        assertThat(dialog.form.email.isInvalid()).isTrue();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.form.lastName.getValue()).isEqualTo("Gonzalez");

        type(dialog.form.firstName, "Maria");
        type(dialog.form.email, "maria@example.org");
        _click(dialog.save);

        _assertOne(PatientView.class);
        assertThat(_get(PatientView.class).getElement().getTextRecursively()).contains("Maria Gonzalez")
                .contains("Theo Therapist");
        UI.getCurrent().navigate("patients");
        list = _get(PatientsView.class);
        assertThat(_size(list.grid)).isEqualTo(1);
        assertThat(_get(list.grid, 0).fullName()).isEqualTo("Maria Gonzalez");
    }

    @Test
    void another_clinics_patient_or_a_made_up_id_is_not_found() {
        UI.getCurrent().navigate("patients");
        _click(_get(PatientsView.class).add);
        PatientDialog dialog = _get(PatientDialog.class);
        type(dialog.form.firstName, "Maria");
        type(dialog.form.lastName, "Gonzalez");
        _click(dialog.save);
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();

        TestAccounts other = new TestAccounts(provisioning);
        signInAs(other.adminEmail);
        UI.getCurrent().navigate("patients");
        UI.getCurrent().navigate(path);
        _assertOne(org.homestretch.base.NotFoundView.class);
        _assertNone(PatientView.class);
        UI.getCurrent().navigate("patients/not-a-uuid");
        _assertOne(org.homestretch.base.NotFoundView.class);
    }

    @Test
    void a_date_of_birth_typed_day_first_is_read_and_kept_in_a_uk_clinic() {
        UI.getCurrent().navigate("patients");
        _click(_get(PatientsView.class).add);
        PatientDialog dialog = _get(PatientDialog.class);
        type(dialog.form.firstName, "Edith");
        type(dialog.form.lastName, "Clarke");
        assertThat(dialog.form.dateOfBirth.getPlaceholder()).isEqualTo("DD/MM/YYYY");

        typeAsTheBrowserSendsIt(dialog.form.dateOfBirth, "14/03/1948");
        assertThat(dialog.form.dateOfBirth.isInvalid()).isFalse();
        _click(dialog.save);

        assertThat(jdbc.sql("select date_of_birth from patient where clinic_id = :clinic")
                .param("clinic", clinic.clinicId.value()).query(LocalDate.class).list())
                .containsExactly(LocalDate.of(1948, 3, 14));
        assertThat(_get(PatientView.class).getElement().getTextRecursively()).contains("14 March 1948");
    }

    @Test
    void an_unreadable_date_of_birth_blocks_the_save_with_a_message_and_the_text_stays() {
        UI.getCurrent().navigate("patients");
        _click(_get(PatientsView.class).add);
        PatientDialog dialog = _get(PatientDialog.class);
        type(dialog.form.firstName, "Edith");
        type(dialog.form.lastName, "Clarke");

        typeAsTheBrowserSendsIt(dialog.form.dateOfBirth, "14th of March");
        assertThat(dialog.form.dateOfBirth.isInvalid()).isTrue();
        assertThat(dialog.form.dateOfBirth.getErrorMessage())
                .isEqualTo("Enter the date as DD/MM/YYYY, for example 14/03/1948.");
        _click(dialog.save);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.form.dateOfBirth.isInvalid()).isTrue();
        assertThat(dialog.form.dateOfBirth.getErrorMessage())
                .isEqualTo("Enter the date as DD/MM/YYYY, for example 14/03/1948.");
        assertThat(dialog.form.dateOfBirth.getElement().getProperty("_inputElementValue")).isEqualTo("14th of March");
        assertThat(patientRows()).isZero();

        typeAsTheBrowserSendsIt(dialog.form.dateOfBirth, "1948-03-14");
        _click(dialog.save);
        assertThat(patientRows()).isOne();
    }

    @Test
    void a_us_clinic_reads_month_first_and_shows_the_month_first() {
        signInAs(clinic.adminEmail);
        clinics.update(clinic.clinicName, "", ZoneId.of("America/Chicago"), Locale.US);
        signInAs(clinic.therapistEmail);
        UI.getCurrent().navigate("patients");
        _click(_get(PatientsView.class).add);
        PatientDialog dialog = _get(PatientDialog.class);
        type(dialog.form.firstName, "Edith");
        type(dialog.form.lastName, "Clarke");
        assertThat(dialog.form.dateOfBirth.getPlaceholder()).isEqualTo("MM/DD/YYYY");

        typeAsTheBrowserSendsIt(dialog.form.dateOfBirth, "14/03/1948");
        assertThat(dialog.form.dateOfBirth.getErrorMessage())
                .isEqualTo("Enter the date as MM/DD/YYYY, for example 03/14/1948.");
        typeAsTheBrowserSendsIt(dialog.form.dateOfBirth, "3/14/1948");
        _click(dialog.save);

        assertThat(_get(PatientView.class).getElement().getTextRecursively()).contains("March 14, 1948");
        UI.getCurrent().navigate("patients");
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(_get(PatientsView.class).grid, 0, "dob"))
                .isEqualTo("Mar 14, 1948");
    }

    private int patientRows() {
        return jdbc.sql("select count(*) from patient where clinic_id = :clinic")
                .param("clinic", clinic.clinicId.value()).query(Integer.class).single();
    }

    /**
     * Text the browser's own date reading could not turn into a date reaches the server this way
     * (a date it can read arrives as the date itself); the server then tries once more.
     */
    private static void typeAsTheBrowserSendsIt(DatePicker field, String text) {
        field.getElement().setProperty("_inputElementValue", text);
        ElementUtilsKt._fireDomEvent(field.getElement(),
                new DomEvent(field.getElement(), "unparsable-change", JsonNodeFactory.instance.objectNode()));
    }
}
