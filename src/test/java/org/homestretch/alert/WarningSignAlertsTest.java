package org.homestretch.alert;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.vaadin.flow.component.UI;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
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
import org.homestretch.security.UserId;
import org.homestretch.support.MailServerTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Warning-sign alerts against a real SMTP server (GreenMail), in the one Spring context with mail
 * settings ({@link MailServerTest}); the server is started afresh for each test on the same port.
 */
class WarningSignAlertsTest extends MailServerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    org.homestretch.base.PublicAddress publicAddress;
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
    @Autowired
    JdbcClient jdbc;

    GreenMail smtp;
    TestAccounts clinic;

    @BeforeEach
    void mailServerAndClinic() {
        smtp = new GreenMail(SMTP);
        smtp.start();
        clinic = new TestAccounts(provisioning);
        signInAs(clinic.adminEmail);
        clinics.setAlertEmail("front-desk-" + clinic.clinicId.value() + "@example.org");
        signInAs(clinic.therapistEmail);
    }

    @AfterEach
    void stopMailServer() throws InterruptedException {
        assertThat(alerts.awaitIdle(WAIT)).isTrue();
        smtp.stop();
    }

    @Test
    void a_warning_sign_sends_one_email_to_the_therapist_and_one_to_the_clinic_with_no_patient_data() throws Exception {
        Patient patient = patientOf(therapistId());
        checkins.recordFromPaper(patient.id(), entry(UUID.randomUUID(), Set.of(Symptom.PAIN_DOWN_LEG)));

        assertThat(alerts.awaitIdle(WAIT)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(recipients(received)).containsExactlyInAnyOrder(clinic.therapistEmail, clinicAddress());
        for (MimeMessage message : received) {
            String text = message.getSubject() + "\n" + GreenMailUtil.getBody(message);
            // The link opens the worklist (the start page), which lists the sign first.
            assertThat(text).contains("reported a warning sign").contains("see who: " + publicAddress.link("/"))
                    .doesNotContain("/adherence")
                    .doesNotContain("Zelda").doesNotContain("Quixote").doesNotContain("zelda.q")
                    .doesNotContain("1961").doesNotContain("23.07").doesNotContain("07/23")
                    .doesNotContain(patient.id().value().toString());
        }
    }

    @Test
    void a_resent_check_in_sends_nothing_more() throws Exception {
        Patient patient = patientOf(therapistId());
        CheckinEntry entry = entry(UUID.randomUUID(), Set.of(Symptom.SHARP_PAIN, Symptom.NEW_WEAKNESS));
        assertThat(checkins.recordFromPaper(patient.id(), entry).repeated()).isFalse();
        assertThat(checkins.recordFromPaper(patient.id(), entry).repeated()).isTrue();

        assertThat(alerts.awaitIdle(WAIT)).isTrue();
        assertThat(recipients(smtp.getReceivedMessages()))
                .containsExactlyInAnyOrder(clinic.therapistEmail, clinicAddress());
    }

    @Test
    void a_check_in_without_a_warning_sign_sends_nothing() throws Exception {
        Patient patient = patientOf(therapistId());
        checkins.recordFromPaper(patient.id(), entry(UUID.randomUUID(), Set.of()));

        assertThat(alerts.awaitIdle(WAIT)).isTrue();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void without_a_therapist_the_clinic_admins_are_told() throws Exception {
        Patient patient = patientOf(null);
        checkins.recordFromPaper(patient.id(), entry(UUID.randomUUID(), Set.of(Symptom.NUMBNESS_TINGLING)));

        assertThat(alerts.awaitIdle(WAIT)).isTrue();
        assertThat(recipients(smtp.getReceivedMessages())).containsExactlyInAnyOrder(clinic.adminEmail, clinicAddress());
    }

    @Test
    void with_the_mail_server_down_the_check_in_is_stored_and_nothing_fails() throws Exception {
        Patient patient = patientOf(therapistId());
        smtp.stop();

        CheckinService.Recorded saved = checkins.recordFromPaper(patient.id(),
                entry(UUID.randomUUID(), Set.of(Symptom.PAIN_DOWN_LEG)));

        // The post came back while the e-mails were still being tried in the background.
        assertThat(alerts.awaitIdle(Duration.ZERO)).isFalse();
        assertThat(saved.checkin().redFlag()).isTrue();
        assertThat(jdbc.sql("select count(*) from checkin where patient_id = :p")
                .param("p", patient.id().value()).query(Integer.class).single()).isEqualTo(1);
        assertThat(alerts.awaitIdle(WAIT)).isTrue();
        smtp = new GreenMail(SMTP);
        smtp.start();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void the_settings_page_says_alerts_are_on() {
        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("settings/clinic");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class,
                spec -> spec.withText("E-mail alerts are on.")).isVisible()).isTrue();
    }

    private String clinicAddress() {
        return "front-desk-" + clinic.clinicId.value() + "@example.org";
    }

    private UserId therapistId() {
        return new UserId(jdbc.sql("select id from app_user where email = :email")
                .param("email", clinic.therapistEmail).query(UUID.class).single());
    }

    private Patient patientOf(UserId therapist) {
        Patient patient = patients.create(new PatientDetails("Zelda", "Quixote", LocalDate.of(1961, 7, 23),
                "zelda.q@patients.example", "", "en", therapist, ""));
        programs.publish(patient.id(), 0, List.of(programs.newItem(catalog.find("bridge").orElseThrow().id())
                .withDosage(new Dosage(1, 10, 5, Sides.BOTH_TOGETHER, 1, 5))));
        return patient;
    }

    private static CheckinEntry entry(UUID key, Set<Symptom> symptoms) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        return new CheckinEntry(key, today, 1, true, Set.of(), 4, null, symptoms, null, "");
    }

    private static List<String> recipients(MimeMessage[] messages) throws Exception {
        return Arrays.stream(messages).flatMap(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
