package org.homestretch.patient;

import org.homestretch.base.FieldProblem;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.security.SignedInUser;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@SpringBootTest
@ActiveProfiles("test")
class PatientServiceTest {

    @Autowired
    PatientService patients;
    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    UserDetailsService users;

    TestAccounts clinic;

    @BeforeEach
    void signInAsTherapist() {
        clinic = new TestAccounts(provisioning);
        signIn(clinic.therapistEmail);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void creates_and_finds_a_patient_in_the_clinic() {
        Patient created = patients.create(details("Maria", "Gonzalez"));

        Patient found = patients.find(created.id()).orElseThrow();
        assertThat(found.fullName()).isEqualTo("Maria Gonzalez");
        assertThat(found.details().dateOfBirth()).isEqualTo(LocalDate.of(1950, 3, 14));
        assertThat(found.therapistName()).isEqualTo("Theo Therapist");
        assertThat(found.toString()).doesNotContain("Maria");
    }

    @Test
    void rejects_each_invalid_field_with_a_message_next_to_it() {
        assertRejected(details("", "Gonzalez"), "firstName");
        assertRejected(details("M".repeat(81), "Gonzalez"), "firstName");
        assertRejected(details("Maria", "  "), "lastName");
        assertRejected(new PatientDetails("Maria", "G", LocalDate.now().plusDays(1), "", "", "en", null, ""),
                "dateOfBirth");
        assertRejected(new PatientDetails("Maria", "G", null, "maria.example.org", "", "en", null, ""), "email");
        assertRejected(new PatientDetails("Maria", "G", null, "", "call me", "en", null, ""), "phone");
        assertRejected(new PatientDetails("Maria", "G", null, "", "123", "en", null, ""), "phone");
        assertRejected(new PatientDetails("Maria", "G", null, "", "", "fr", null, ""), "handoutLanguage");
        assertRejected(new PatientDetails("Maria", "G", null, "", "", "en", null, "x".repeat(4001)), "notes");

        // Optional fields may be empty, and common phone formats pass.
        assertThat(patients.create(new PatientDetails("Ana", "Li", null, "", "+44 (0)20 7946-0018", "en", null, "")))
                .isNotNull();
    }

    @Test
    void a_therapist_from_another_clinic_cannot_be_assigned() {
        TestAccounts other = new TestAccounts(provisioning);
        var otherTherapist = ((SignedInUser) users.loadUserByUsername(other.therapistEmail)).userId();

        assertRejected(new PatientDetails("Maria", "G", null, "", "", "en", otherTherapist, ""), "therapistId");
    }

    @Test
    void another_clinic_can_neither_see_nor_change_the_patient() {
        Patient created = patients.create(details("Maria", "Gonzalez"));
        TestAccounts other = new TestAccounts(provisioning);
        signIn(other.adminEmail);

        assertThat(patients.find(created.id())).isEmpty();
        assertThat(patients.search(new PatientQuery("Gonzalez", false, false), 0, 50)).isEmpty();
        assertThatThrownBy(() -> patients.update(created.id(), created.version(), details("X", "Y")))
                .isInstanceOf(PatientException.class);
        assertThatThrownBy(() -> patients.setArchived(created.id(), true)).isInstanceOf(PatientException.class);
        assertThatThrownBy(() -> patients.deletePermanently(created.id(), "Maria Gonzalez"))
                .isInstanceOf(PatientException.class);

        signIn(clinic.therapistEmail);
        Patient after = patients.find(created.id()).orElseThrow();
        assertThat(after.fullName()).isEqualTo("Maria Gonzalez");
        assertThat(after.archived()).isFalse();
    }

    @Test
    void searches_by_any_part_of_the_name_in_either_order_and_tolerates_a_typo() {
        patients.create(details("Maria", "Gonzalez"));
        patients.create(details("Peter", "Nowak"));

        assertThat(names("gonz")).containsExactly("Maria Gonzalez");
        assertThat(names("gonzalez maria")).containsExactly("Maria Gonzalez");
        assertThat(names("Maria Gonzales")).containsExactly("Maria Gonzalez");
        assertThat(names("%")).isEmpty();
    }

    @Test
    void my_patients_are_those_assigned_to_me() {
        patients.create(details("Maria", "Gonzalez"));
        patients.create(new PatientDetails("Una", "Assigned", null, "", "", "en", null, ""));

        assertThat(patients.search(new PatientQuery("", true, false), 0, 50)).extracting(Patient::fullName)
                .containsExactly("Maria Gonzalez");
        assertThat(patients.count(new PatientQuery("", false, false))).isEqualTo(2);
    }

    @Test
    void a_stale_edit_is_refused_instead_of_overwriting() {
        Patient created = patients.create(details("Maria", "Gonzalez"));
        patients.update(created.id(), created.version(), details("Maria", "Gonzalez-Ruiz"));

        PatientException e = catchThrowableOfType(PatientException.class,
                () -> patients.update(created.id(), created.version(), details("Mary", "Gonzalez")));

        assertThat(e.getMessage()).contains("Someone else saved");
        assertThat(patients.find(created.id()).orElseThrow().fullName()).isEqualTo("Maria Gonzalez-Ruiz");
    }

    @Test
    void archived_patients_leave_the_list_and_can_be_restored() {
        Patient created = patients.create(details("Maria", "Gonzalez"));
        patients.setArchived(created.id(), true);

        assertThat(patients.count(new PatientQuery("", false, false))).isZero();
        assertThat(patients.count(new PatientQuery("", false, true))).isEqualTo(1);
        patients.setArchived(created.id(), false);
        assertThat(patients.count(new PatientQuery("", false, false))).isEqualTo(1);
    }

    @Test
    void only_an_admin_who_types_the_name_can_delete_a_patient() {
        Patient created = patients.create(details("Maria", "Gonzalez"));
        assertThatThrownBy(() -> patients.deletePermanently(created.id(), "Maria Gonzalez"))
                .isInstanceOf(AccessDeniedException.class);

        signIn(clinic.adminEmail);
        PatientException wrongName = catchThrowableOfType(PatientException.class,
                () -> patients.deletePermanently(created.id(), "Maria"));
        assertThat(wrongName.problems()).extracting(FieldProblem::field).containsExactly("confirmName");
        assertThat(patients.find(created.id())).isPresent();

        patients.deletePermanently(created.id(), " maria gonzalez ");
        assertThat(patients.find(created.id())).isEmpty();
    }

    private java.util.List<String> names(String text) {
        return patients.search(new PatientQuery(text, false, false), 0, 50).stream().map(Patient::fullName).toList();
    }

    private PatientDetails details(String first, String last) {
        var therapist = ((SignedInUser) users.loadUserByUsername(clinic.therapistEmail)).userId();
        return new PatientDetails(first, last, LocalDate.of(1950, 3, 14), "patient@example.org", "+1 555 0100",
                "en", therapist, "Prefers morning sessions.");
    }

    private void assertRejected(PatientDetails details, String field) {
        PatientException e = catchThrowableOfType(PatientException.class, () -> patients.create(details));
        assertThat(e).as("expected a problem with " + field).isNotNull();
        assertThat(e.problems()).extracting(FieldProblem::field).contains(field);
    }

    private void signIn(String email) {
        TestSignIn.as(users, email);
    }
}
