package org.homestretch.checkin;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.homestretch.catalog.CatalogService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.MailServerTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

/** "E-mail link and code" on the check-ins page, against a real SMTP server (GreenMail). */
class PatientLinkMailTest extends MailServerTest {

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
    JdbcClient jdbc;

    GreenMail smtp;

    @BeforeEach
    void mailServerAndTherapist() {
        smtp = new GreenMail(SMTP);
        smtp.start();
        signInAs(new TestAccounts(provisioning).therapistEmail);
    }

    @AfterEach
    void stopMailServer() {
        smtp.stop();
    }

    @Test
    void the_link_and_code_arrive_once_with_no_health_details_and_the_sending_is_audited_once() throws Exception {
        Patient zelda = patientWithProgram("zelda.q@patients.example");
        String address = "zelda.q@patients.example";
        CheckinsView view = open(zelda);
        assertThat(view.reminderPanel.getElement().getTextRecursively()).contains("Sends the link and the code to " + address);

        _click(_get(view.reminderPanel, Button.class, spec -> spec.withText("E-mail link and code")));
        _fireConfirm(_get(ConfirmDialog.class));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(address);
        AccessService.AccessInfo info = access.find(zelda.id()).orElseThrow();
        String text = message.getSubject() + "\n" + GreenMailUtil.getBody(message).replaceAll("=\r?\n", "");
        assertThat(text).contains(info.link()).contains(info.code()).contains(info.codePage());
        assertThat(text).doesNotContain("Zelda").doesNotContain("Quixote").doesNotContain("1961")
                .doesNotContain("Knee").doesNotContain("Bridge").doesNotContain("pain").doesNotContain("twice")
                .doesNotContain(zelda.id().value().toString());
        assertThat(rows("PATIENT_LINK_EMAILED", zelda)).isEqualTo(1);
        // The link and code were made for the e-mail: that is recorded as well, once.
        assertThat(rows("ACCESS_ISSUED", zelda)).isEqualTo(1);
    }

    @Test
    void without_an_email_address_on_the_record_there_is_no_button_and_nothing_is_sent() {
        Patient noEmail = patientWithProgram("");
        CheckinsView view = open(noEmail);

        assertThat(view.reminderPanel.getElement().getTextRecursively()).contains("The patient record has no e-mail address.");
        assertThat(_find(view.reminderPanel, Button.class, spec -> spec.withText("E-mail link and code"))).isEmpty();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(rows("PATIENT_LINK_EMAILED", noEmail)).isZero();
    }

    @Test
    void with_the_mail_server_down_the_therapist_is_told_and_nothing_is_recorded() {
        Patient zelda = patientWithProgram("zelda.q@patients.example");
        CheckinsView view = open(zelda);
        smtp.stop();

        _click(_get(view.reminderPanel, Button.class, spec -> spec.withText("E-mail link and code")));
        _fireConfirm(_get(ConfirmDialog.class));

        assertThat(rows("PATIENT_LINK_EMAILED", zelda)).isZero();
        smtp = new GreenMail(SMTP);
        smtp.start();
    }

    private int rows(String action, Patient patient) {
        return jdbc.sql("select count(*) from audit_entry where patient_id = :p and action = :a")
                .param("p", patient.id().value()).param("a", action).query(Integer.class).single();
    }

    private Patient patientWithProgram(String email) {
        Patient patient = patients.create(new PatientDetails("Zelda", "Quixote", LocalDate.of(1961, 7, 23),
                email, "", "en", null, ""));
        programs.publish(patient.id(), 0, List.of(
                CheckinTestSupport.item(programs, catalog, "knee-to-chest",
                        new org.homestretch.catalog.Dosage(1, 3, 30, org.homestretch.catalog.Sides.EACH_SIDE, 2, 7))));
        return patient;
    }

    private CheckinsView open(Patient patient) {
        UI.getCurrent().navigate("patients/" + patient.id().value() + "/checkins");
        return _get(CheckinsView.class);
    }
}
