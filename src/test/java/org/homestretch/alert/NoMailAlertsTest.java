package org.homestretch.alert;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;
import org.homestretch.checkin.CheckinEntry;
import org.homestretch.checkin.CheckinService;
import org.homestretch.checkin.Symptom;
import org.homestretch.clinic.ClinicService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A server without mail settings (the tests' usual context): warning signs are stored, nothing is sent, no error. */
class NoMailAlertsTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;
    @Autowired
    CheckinService checkins;
    @Autowired
    ClinicService clinics;
    @Autowired
    WarningSignAlerts alerts;

    @Test
    void a_warning_sign_is_stored_and_no_alert_is_queued() throws Exception {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.adminEmail);
        clinics.setAlertEmail("front-desk@example.org");
        Patient patient = patients.create(new PatientDetails("Zelda", "Quixote", null, "", "", "en", null, ""));
        programs.publish(patient.id(), 0, List.of(programs.newItem(catalog.find("bridge").orElseThrow().id())
                .withDosage(new Dosage(1, 10, 5, Sides.BOTH_TOGETHER, 1, 5))));

        CheckinService.Recorded saved = checkins.recordFromPaper(patient.id(), new CheckinEntry(UUID.randomUUID(),
                LocalDate.now(ZoneId.of("Europe/Berlin")), 1, true, Set.of(), 4, null, Set.of(Symptom.SHARP_PAIN),
                null, ""));

        assertThat(saved.repeated()).isFalse();
        assertThat(saved.checkin().redFlag()).isTrue();
        assertThat(alerts.awaitIdle(Duration.ZERO)).isTrue();
    }

    @Test
    void the_settings_page_says_alerts_are_off() {
        TestAccounts clinic = new TestAccounts(provisioning);
        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("settings/clinic");
        assertThat(_get(Paragraph.class, spec -> spec.withText("E-mail alerts are off: this server has no mail settings."))
                .isVisible()).isTrue();
    }
}
