package org.homestretch.adherence;

import org.homestretch.audit.ActorKind;
import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditEntry;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;
import org.homestretch.checkin.AccessService;
import org.homestretch.checkin.CheckinEntry;
import org.homestretch.checkin.CheckinService;
import org.homestretch.handout.HandoutOptions;
import org.homestretch.handout.HandoutService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientDetails;
import org.homestretch.patient.PatientId;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramItem;
import org.homestretch.program.ProgramService;
import org.homestretch.program.ProgramVersion;
import org.homestretch.clinic.ClinicService;
import org.homestretch.security.AccountRoles;
import org.homestretch.security.AccountService;
import org.homestretch.security.ClinicProvisioning;
import org.homestretch.security.NewAccount;
import org.homestretch.security.PasswordService;
import org.homestretch.security.Role;
import org.homestretch.security.UserId;
import org.homestretch.security.SignedInUser;
import org.homestretch.support.TestAccounts;
import org.homestretch.support.TestSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each audited action, performed once through its service, adds exactly one entry with the
 * signed-in user, the patient and the action. In this package because the adherence service (the
 * exports) is package-private; every other service it calls is public.
 */
@SpringBootTest
@ActiveProfiles("test")
class AuditedActionsTest {

    @Autowired
    ClinicProvisioning provisioning;
    @Autowired
    UserDetailsService users;
    @Autowired
    PatientService patients;
    @Autowired
    ProgramService programs;
    @Autowired
    CatalogService catalog;
    @Autowired
    HandoutService handouts;
    @Autowired
    AdherenceService adherence;
    @Autowired
    AccessService access;
    @Autowired
    CheckinService checkins;
    @Autowired
    AccountService accounts;
    @Autowired
    AccountRoles roles;
    @Autowired
    PasswordService passwords;
    @Autowired
    ClinicService clinics;
    @Autowired
    JdbcClient jdbc;

    TestAccounts clinic;
    SignedInUser therapist;

    @BeforeEach
    void signIn() {
        clinic = new TestAccounts(provisioning);
        therapist = (SignedInUser) TestSignIn.as(users, clinic.therapistEmail);
    }

    @AfterEach
    void signOut() {
        TestSignIn.out();
    }

    @Test
    void patient_record_created_edited_archived_restored_and_opened() {
        Patient[] created = new Patient[1];
        AuditEntry entry = once(AuditAction.PATIENT_CREATED, () -> created[0] = patients.create(details("Maria")));
        PatientId id = created[0].id();
        assertThat(entry.patientId()).isEqualTo(id.value());

        once(AuditAction.PATIENT_EDITED, id, () -> patients.update(id, created[0].version(), details("Mariana")));
        assertThat(once(AuditAction.PATIENT_ARCHIVED, id, () -> patients.setArchived(id, true)).detail())
                .isEqualTo("archived");
        assertThat(once(AuditAction.PATIENT_ARCHIVED, id, () -> patients.setArchived(id, false)).detail())
                .isEqualTo("restored");
        once(AuditAction.PATIENT_OPENED, id, () -> assertThat(patients.open(id)).isPresent());
        // Finding a patient for a list or a check is not opening the record.
        nothing(() -> assertThat(patients.find(id)).isPresent());
    }

    @Test
    void program_version_handout_csv_and_report() {
        Patient maria = patients.create(details("Maria"));
        PatientId id = maria.id();
        AuditEntry saved = once(AuditAction.PROGRAM_VERSION_SAVED, id, () -> programs.publish(id, 0, List.of(
                item("knee-to-chest", new Dosage(1, 3, 30, Sides.EACH_SIDE, 2, 7)))));
        assertThat(saved.detail()).isEqualTo("version 1");

        // The first print issues the link and code; issue them first so that the print adds one entry.
        once(AuditAction.ACCESS_ISSUED, id, () -> assertThat(access.ensure(id)).isPresent());
        nothing(() -> access.ensure(id));
        ProgramVersion version = programs.history(id).getFirst();
        assertThat(once(AuditAction.HANDOUT_EXPORTED, id,
                () -> handouts.render(version.id(), new HandoutOptions(true, false))).detail())
                .isEqualTo("version 1, large print");
        assertThat(once(AuditAction.HANDOUT_EXPORTED, id,
                () -> handouts.render(version.id(), HandoutOptions.STANDARD)).detail()).isEqualTo("version 1");

        once(AuditAction.CSV_EXPORTED, id, () -> assertThat(adherence.csv(id)).isPresent());
        once(AuditAction.PROGRESS_REPORT_EXPORTED, id, () -> assertThat(adherence.report(id)).isPresent());
    }

    @Test
    void access_revoked_and_paper_log_entry() {
        Patient maria = patients.create(details("Maria"));
        PatientId id = maria.id();
        programs.publish(id, 0, List.of(item("bridge", new Dosage(2, 10, 5, Sides.BOTH_TOGETHER, 1, 7))));
        access.ensure(id);

        once(AuditAction.ACCESS_REVOKED, id, () -> assertThat(access.revoke(id)).isTrue());
        // Nothing to revoke: nothing happened, nothing is recorded.
        nothing(() -> assertThat(access.revoke(id)).isFalse());

        CheckinEntry entry = new CheckinEntry(UUID.randomUUID(), checkins.todayInClinic(), 1, true, Set.of(0),
                null, null, Set.of(), null, "");
        once(AuditAction.PAPER_LOG_ENTERED, id, () -> checkins.recordFromPaper(id, entry));
        // The same form sent again saves nothing new and records nothing new.
        nothing(() -> assertThat(checkins.recordFromPaper(id, entry).repeated()).isTrue());
    }

    @Test
    void a_permanently_deleted_patients_entries_remain() {
        Patient maria = patients.create(details("Maria"));
        UUID id = maria.id().value();
        TestSignIn.out();
        SignedInUser admin = (SignedInUser) TestSignIn.as(users, clinic.adminEmail);
        patients.open(maria.id());
        long before = entriesFor(id);

        AuditEntry deleted = once(AuditAction.PATIENT_DELETED, maria.id(),
                () -> patients.deletePermanently(maria.id(), "Maria Gonzalez"), admin);

        assertThat(deleted.detail()).isEmpty();
        assertThat(patients.find(maria.id())).isEmpty();
        assertThat(entriesFor(id)).isEqualTo(before + 1);
        assertThat(jdbc.sql("select action from audit_entry where patient_id = ? order by sequence_no").param(id)
                .query(String.class).list()).containsExactly("PATIENT_CREATED", "PATIENT_OPENED", "PATIENT_DELETED");
    }

    @Test
    void users_and_clinic_settings_changed_by_an_admin() {
        TestSignIn.out();
        SignedInUser admin = (SignedInUser) TestSignIn.as(users, clinic.adminEmail);
        UserId[] added = new UserId[1];
        AuditEntry created = once(AuditAction.USER_CREATED, null, () -> added[0] = accounts.addUser(
                new NewAccount("Theo Therapist", "theo-" + UUID.randomUUID() + "@example.org", TestAccounts.PASSWORD,
                        Role.THERAPIST)), admin);
        UserId theo = added[0];
        assertThat(created.detail()).isEqualTo("user " + theo.value() + ", role THERAPIST");

        assertThat(once(AuditAction.USER_PASSWORD_RESET, null, () -> passwords.issueResetLink(theo), admin).detail())
                .isEqualTo("user " + theo.value());
        assertThat(once(AuditAction.USER_ROLE_CHANGED, null, () -> roles.changeRole(theo, Role.ADMIN), admin).detail())
                .isEqualTo("user " + theo.value() + ", role ADMIN");
        // The same role again changes nothing and records nothing.
        nothing(() -> roles.changeRole(theo, Role.ADMIN));
        assertThat(once(AuditAction.USER_DISABLED, null, () -> accounts.setEnabled(theo, false), admin).detail())
                .isEqualTo("disabled user " + theo.value());
        assertThat(once(AuditAction.USER_DISABLED, null, () -> accounts.setEnabled(theo, true), admin).detail())
                .isEqualTo("enabled user " + theo.value());

        var clinicNow = clinics.current();
        once(AuditAction.CLINIC_SETTINGS_CHANGED, null,
                () -> clinics.update("Renamed clinic", clinicNow.phone(), clinicNow.timeZone()), admin);
        assertThat(once(AuditAction.CLINIC_SETTINGS_CHANGED, null, () -> clinics.setIdleLogoffMinutes(20), admin)
                .detail()).isEqualTo("automatic logoff 20 minutes");
    }

    private AuditEntry once(AuditAction action, PatientId patient, Runnable work) {
        AuditEntry entry = once(action, work);
        assertThat(entry.patientId()).isEqualTo(patient.value());
        return entry;
    }

    private AuditEntry once(AuditAction action, PatientId patient, Runnable work, SignedInUser actor) {
        long before = count();
        work.run();
        List<AuditEntry> added = since(before);
        assertThat(added).hasSize(1);
        AuditEntry entry = added.getFirst();
        assertThat(entry.action()).isEqualTo(action.name());
        assertThat(entry.actorId()).isEqualTo(actor.userId().value());
        assertThat(entry.actorKind()).isEqualTo(ActorKind.STAFF);
        assertThat(entry.patientId()).isEqualTo(patient == null ? null : patient.value());
        return entry;
    }

    /** Runs the work and returns the one entry it added, checking the action and the therapist as actor. */
    private AuditEntry once(AuditAction action, Runnable work) {
        long before = count();
        work.run();
        List<AuditEntry> added = since(before);
        assertThat(added).extracting(AuditEntry::action).containsExactly(action.name());
        AuditEntry entry = added.getFirst();
        assertThat(entry.actorId()).isEqualTo(therapist.userId().value());
        assertThat(entry.actorKind()).isEqualTo(ActorKind.STAFF);
        return entry;
    }

    private void nothing(Runnable work) {
        long before = count();
        work.run();
        assertThat(count()).isEqualTo(before);
    }

    private long count() {
        return jdbc.sql("select count(*) from audit_entry where clinic_id = ?").param(clinic.clinicId.value())
                .query(Long.class).single();
    }

    private long entriesFor(UUID patient) {
        return jdbc.sql("select count(*) from audit_entry where patient_id = ?").param(patient).query(Long.class).single();
    }

    /** Entries are numbered 1..n per clinic, so the ones after {@code before} are the new ones. */
    private List<AuditEntry> since(long before) {
        return jdbc.sql("select actor_id, action, patient_id, detail, actor_kind from audit_entry "
                        + "where clinic_id = ? and sequence_no > ? order by sequence_no")
                .params(clinic.clinicId.value(), before)
                .query((rs, n) -> new AuditEntry(clinic.clinicId.value(), 0, null,
                        rs.getObject("actor_id", UUID.class), ActorKind.valueOf(rs.getString("actor_kind")),
                        rs.getString("action"), rs.getObject("patient_id", UUID.class), rs.getString("detail"),
                        null, null, null))
                .list();
    }

    private ProgramItem item(String slug, Dosage dosage) {
        return programs.newItem(catalog.find(slug).orElseThrow().id()).withDosage(dosage);
    }

    private static PatientDetails details(String firstName) {
        return new PatientDetails(firstName, "Gonzalez", null, "", "", "en", null, "");
    }
}
