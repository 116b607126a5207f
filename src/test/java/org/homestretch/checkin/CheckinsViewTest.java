package org.homestretch.checkin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.homestretch.catalog.CatalogService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class CheckinsViewTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;
    @Autowired
    AccessService access;

    Patient maria;

    @BeforeEach
    void patientWithProgram() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);
        maria = CheckinTestSupport.patientWithProgram(patients, programs, catalog, "Maria", "Gonzalez");
    }

    @Test
    void the_therapist_sees_the_code_and_can_issue_a_new_one() {
        String code = access.ensure(maria.id()).orElseThrow().code();
        CheckinsView view = open();
        assertThat(view.accessPanel.getElement().getTextRecursively()).contains(code).contains("Not yet");

        _click(_get(view.accessPanel, com.vaadin.flow.component.button.Button.class,
                spec -> spec.withText("New link and code")));
        _fireConfirm(_get(ConfirmDialog.class));

        String fresh = access.find(maria.id()).orElseThrow().code();
        assertThat(fresh).isNotEqualTo(code);
        assertThat(view.accessPanel.getElement().getTextRecursively()).contains(fresh).doesNotContain(code);
    }

    @Test
    void before_any_print_the_link_can_be_made_here() {
        CheckinsView view = open();
        _click(_get(view.accessPanel, com.vaadin.flow.component.button.Button.class,
                spec -> spec.withText("Make link and code")));
        assertThat(view.accessPanel.getElement().getTextRecursively())
                .contains(access.find(maria.id()).orElseThrow().code());
    }

    @Test
    void a_session_from_the_paper_log_appears_in_the_list_and_bad_values_are_marked() {
        CheckinsView view = open();
        assertThat(_size(view.grid)).isZero();

        type(view.paper.pain, 12);
        _click(view.paper.add);
        assertThat(view.paper.pain.isInvalid()).isTrue();
        assertThat(view.paper.pain.getErrorMessage()).isEqualTo("Pain is a number from 0 to 10.");
        assertThat(_size(view.grid)).isZero();

        type(view.paper.pain, 3);
        type(view.paper.comment, "From the sheet: felt stiff in the morning");
        _click(view.paper.add);

        assertThat(_size(view.grid)).isEqualTo(1);
        Checkin row = _get(view.grid, 0);
        assertThat(row.pain()).isEqualTo(3);
        assertThat(row.source()).isEqualTo(CheckinSource.PAPER);
        assertThat(row.comment()).isEqualTo("From the sheet: felt stiff in the morning");

        // The same session again is refused next to its field, not counted twice.
        type(view.paper.pain, 2);
        _click(view.paper.add);
        assertThat(view.paper.session.isInvalid()).isTrue();
        assertThat(view.paper.session.getErrorMessage()).contains("already recorded");
        assertThat(_size(view.grid)).isEqualTo(1);
    }

    @Test
    void a_session_not_done_needs_a_reason() {
        CheckinsView view = open();
        type(view.paper.done, false);
        _click(view.paper.add);
        assertThat(view.paper.reason.isInvalid()).isTrue();

        type(view.paper.reason, SkipReason.NO_TIME);
        _click(view.paper.add);
        assertThat(_get(view.grid, 0).skipReason()).isEqualTo(SkipReason.NO_TIME);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(view.grid, 0, "status")
                .getElement().getTextRecursively()).startsWith("Not done: No time");
    }

    @Test
    void another_clinics_patient_is_not_found() {
        TestAccounts other = new TestAccounts(provisioning);
        signInAs(other.therapistEmail);
        UI.getCurrent().navigate("patients/" + maria.id().value() + "/checkins");
        assertThat(UI.getCurrent().getChildren().anyMatch(c -> c instanceof CheckinsView)).isFalse();
        _get(org.homestretch.base.NotFoundView.class);
    }

    private CheckinsView open() {
        UI.getCurrent().navigate("patients/" + maria.id().value() + "/checkins");
        return _get(CheckinsView.class);
    }
}
