package org.homestretch.adherence;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.homestretch.audit.ActorKind;
import org.homestretch.audit.AuditAction;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.security.SignedInUser;
import org.homestretch.support.KaribuTest;
import org.homestretch.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program editor, the check-ins page and the adherence page each record one entry per visit
 * (navigation), with the signed-in therapist and the patient; working inside the page adds none.
 */
class AuditedPageVisitsTest extends KaribuTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;
    @Autowired
    JdbcClient jdbc;

    TestAccounts clinic;
    SignedInUser therapist;
    Patient maria;

    @BeforeEach
    void patientWithProgram() {
        clinic = new TestAccounts(provisioning);
        signInAs(clinic.therapistEmail);
        therapist = (SignedInUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        maria = patients.create(new PatientDetails("Maria", "Gonzalez", null, "", "", "en", null, ""));
        Dosage dosage = new Dosage(1, 10, 5, Sides.BOTH_TOGETHER, 1, 7);
        programs.publish(maria.id(), 0, List.of(
                programs.newItem(catalog.find("knee-to-chest").orElseThrow().id()).withDosage(dosage),
                programs.newItem(catalog.find("bridge").orElseThrow().id()).withDosage(dosage)));
    }

    @Test
    void the_program_editor_once_per_visit_and_not_for_a_click_inside() {
        assertThat(visit("program")).containsExactly(AuditAction.PROGRAM_OPENED.name());
        // Coming back (here: the same address again) is a new visit.
        assertThat(visit("program")).containsExactly(AuditAction.PROGRAM_OPENED.name());
        long before = count();
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Move Bridge up")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void the_check_ins_page_once_per_visit() {
        assertThat(visit("checkins")).containsExactly(AuditAction.CHECKINS_OPENED.name());
    }

    @Test
    void the_adherence_page_once_per_visit() {
        assertThat(visit("adherence")).containsExactly(AuditAction.ADHERENCE_OPENED.name());
    }

    @Test
    void another_clinics_patient_is_not_found_and_records_nothing() {
        signOut();
        TestAccounts other = new TestAccounts(provisioning);
        signInAs(other.therapistEmail);
        long before = count();
        for (String page : List.of("program", "checkins", "adherence")) {
            UI.getCurrent().navigate("patients/" + maria.id().value() + "/" + page);
        }
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_entry where clinic_id = ?").param(other.clinicId.value())
                .query(Long.class).single()).isZero();
    }

    /** Opens the page by navigation and returns the actions of the entries it added, checked for actor and patient. */
    private List<String> visit(String page) {
        long before = count();
        UI.getCurrent().navigate("patients/" + maria.id().value() + "/" + page);
        List<Row> added = jdbc.sql("select action, actor_id, actor_kind, patient_id from audit_entry "
                        + "where clinic_id = ? and sequence_no > ? order by sequence_no")
                .params(clinic.clinicId.value(), before)
                .query((rs, i) -> new Row(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, UUID.class))).list();
        assertThat(added).allSatisfy(row -> {
            assertThat(row.actor()).isEqualTo(therapist.userId().value());
            assertThat(row.kind()).isEqualTo(ActorKind.STAFF.name());
            assertThat(row.patient()).isEqualTo(maria.id().value());
        });
        return added.stream().map(Row::action).toList();
    }

    private long count() {
        return jdbc.sql("select count(*) from audit_entry where clinic_id = ?").param(clinic.clinicId.value())
                .query(Long.class).single();
    }

    private record Row(String action, UUID actor, String kind, UUID patient) {
    }
}
