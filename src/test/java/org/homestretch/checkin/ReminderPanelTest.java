package org.homestretch.checkin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.homestretch.catalog.CatalogService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

/** The check-ins page's reminder part on a server without mail settings (the common test context). */
class ReminderPanelTest extends KaribuTest {

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
    @Autowired
    Reminders reminders;
    @Autowired
    JdbcClient jdbc;

    Patient maria;

    @BeforeEach
    void patientWithEmailAndProgram() {
        signInAs(new TestAccounts(provisioning).therapistEmail);
        maria = patients.create(new PatientDetails("Maria", "Gonzalez", null, "maria@patients.example", "", "en",
                null, ""));
        programs.publish(maria.id(), 0, List.of(CheckinTestSupport.item(programs, catalog, "bridge",
                new org.homestretch.catalog.Dosage(2, 10, 5, org.homestretch.catalog.Sides.BOTH_TOGETHER, 1, 7))));
        access.ensure(maria.id()).orElseThrow();
    }

    @Test
    void without_mail_settings_no_email_button_is_offered_and_the_page_says_why() {
        CheckinsView view = open();

        assertThat(view.reminderPanel.getElement().getTextRecursively())
                .contains("E-mail is off: this server has no mail settings.");
        assertThat(_find(view.reminderPanel, Button.class, spec -> spec.withText("E-mail link and code"))).isEmpty();
    }

    @Test
    void the_therapist_turns_off_the_calendar_link_once_and_it_is_recorded_once() {
        CheckinsView view = open();
        assertThat(view.reminderPanel.getElement().getTextRecursively()).contains("No calendar link.");
        reminders.subscribe(context(), List.of(LocalTime.of(7, 30)));
        view = open();
        assertThat(view.reminderPanel.getElement().getTextRecursively()).contains("Link made")
                .contains("Last synced").contains("Not yet");

        _click(_get(view.reminderPanel, Button.class, spec -> spec.withText("Turn off calendar link")));
        _fireConfirm(_get(ConfirmDialog.class));

        assertThat(view.reminderPanel.getElement().getTextRecursively()).contains("No calendar link.");
        assertThat(jdbc.sql("select count(*) from calendar_feed where access_id = :a and revoked_at is not null")
                .param("a", accessId()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from calendar_feed where access_id = :a and revoked_at is null")
                .param("a", accessId()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where patient_id = :p and action = 'CALENDAR_LINK_REVOKED'")
                .param("p", maria.id().value()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where patient_id = :p and action = 'CALENDAR_LINK_ISSUED'")
                .param("p", maria.id().value()).query(Integer.class).single()).isEqualTo(1);
    }

    private PatientContext context() {
        return new PatientContext(accessId(), maria.clinicId(),
                programs.programOf(maria.id()).orElseThrow(), maria.id(), "Maria", "Clinic", "", "", "112",
                ZoneId.of("Europe/Berlin"));
    }

    private UUID accessId() {
        return jdbc.sql("""
                        select a.id from program_access a join program g on g.id = a.program_id
                        where g.patient_id = :p and a.revoked_at is null""")
                .param("p", maria.id().value()).query(UUID.class).single();
    }

    private CheckinsView open() {
        UI.getCurrent().navigate("patients/" + maria.id().value() + "/checkins");
        return _get(CheckinsView.class);
    }
}
