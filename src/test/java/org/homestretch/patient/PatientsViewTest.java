package org.homestretch.patient;

import com.vaadin.flow.component.UI;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
}
