package org.homestretch.patient;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditLog;
import org.homestretch.audit.AuditRow;
import org.homestretch.audit.AuditTrail;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Who opened this record" on the patient page: the admin's accounting of access to one patient. */
class RecordAccessTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    PatientService patients;
    @Autowired
    AuditLog audit;
    @Autowired
    AuditTrail trail;
    @Autowired
    PlatformTransactionManager transactions;

    TestAccounts clinic;
    Patient maria;
    Patient jon;

    @BeforeEach
    void twoPatients() {
        clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);
        maria = patients.create(new PatientDetails("Maria", "Gonzalez", null, "", "", "en", null, ""));
        jon = patients.create(new PatientDetails("Jon", "Berg", null, "", "", "en", null, ""));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("198.51.100.23");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            patients.open(maria.id());
            patients.open(jon.id());
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    @Test
    void the_admin_sees_who_opened_this_patients_record_newest_first() {
        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("patients/" + maria.id().value()); // the admin's own visit is on record too

        _click(_get(Button.class, spec -> spec.withText("Who opened this record")));
        RecordAccessDialog dialog = _get(RecordAccessDialog.class);

        assertThat(dialog.summary.getText()).isEqualTo("3 entries.");
        assertThat(_size(dialog.grid)).isEqualTo(3);
        assertThat(IntStream.range(0, 3).mapToObj(i -> _get(dialog.grid, i)).map(AuditRow::patientId))
                .containsOnly(maria.id().value());
        assertThat(_get(dialog.grid, 0).who()).isEqualTo("Ada Admin (" + clinic.adminEmail + ")");
        assertThat(_getFormatted(dialog.grid, 0, "action")).isEqualTo("Opened the patient record");
        assertThat(_get(dialog.grid, 1).who()).isEqualTo("Theo Therapist (" + clinic.therapistEmail + ")");
        assertThat(_getFormatted(dialog.grid, 1, "action")).isEqualTo("Opened the patient record");
        assertThat(_getFormatted(dialog.grid, 1, "address")).isEqualTo("198.51.100.23");
        assertThat(_getFormatted(dialog.grid, 2, "action")).isEqualTo("Added the patient");
    }

    @Test
    void a_long_history_shows_the_latest_fifty_and_the_total() {
        new TransactionTemplate(transactions).executeWithoutResult(s -> IntStream.rangeClosed(1, 55)
                .forEach(i -> audit.record(AuditAction.PROGRAM_VERSION_SAVED, maria.id().value(), "version " + i)));
        signInAs(clinic.adminEmail);
        UI.getCurrent().navigate("patients/" + maria.id().value());

        _click(_get(Button.class, spec -> spec.withText("Who opened this record")));
        RecordAccessDialog dialog = _get(RecordAccessDialog.class);

        // 2 before, 55 versions, and this visit: 58.
        assertThat(dialog.summary.getText()).startsWith("The latest 50 of 58 entries.");
        assertThat(_size(dialog.grid)).isEqualTo(50);
        assertThat(_get(dialog.grid, 1).detail()).isEqualTo("version 55");
        assertThat(_get(dialog.grid, 49).detail()).isEqualTo("version 7");
    }

    @Test
    void a_therapist_sees_no_such_section_and_the_service_refuses_them() {
        UI.getCurrent().navigate("patients/" + maria.id().value());

        _get(PatientView.class);
        _assertNone(Button.class, spec -> spec.withText("Who opened this record"));
        assertThatThrownBy(() -> trail.accessesTo(maria.id().value())).isInstanceOf(AccessDeniedException.class);
    }
}
