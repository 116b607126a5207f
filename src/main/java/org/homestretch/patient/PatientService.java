package org.homestretch.patient;

import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditLog;
import org.homestretch.base.FieldProblem;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every read and write of patient records. Each method takes the clinic from the signed-in
 * user, never from the caller, and is the one place where the patient's audit entries are written.
 */
@Service
public class PatientService {

    private final PatientRepository patients;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AuditLog audit;

    PatientService(PatientRepository patients, CurrentUser currentUser, Clock clock, AuditLog audit) {
        this.patients = patients;
        this.currentUser = currentUser;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Patient> search(PatientQuery query, int offset, int limit) {
        SignedInUser user = currentUser.require();
        return patients.search(user.clinicId(), user.userId(), query, offset, limit);
    }

    @Transactional(readOnly = true)
    public int count(PatientQuery query) {
        SignedInUser user = currentUser.require();
        return patients.count(user.clinicId(), user.userId(), query);
    }

    /** Empty for an unknown id and for another clinic's patient alike. */
    @Transactional(readOnly = true)
    public Optional<Patient> find(PatientId id) {
        return patients.find(currentUser.require().clinicId(), id);
    }

    /**
     * Finds the patient for their record page and records that it was opened. The page calls this
     * once per visit (on navigation), so a click inside the page adds no entry.
     */
    @Transactional(readOnly = true)
    public Optional<Patient> open(PatientId id) {
        Optional<Patient> patient = find(id);
        patient.ifPresent(p -> audit.recordRead(AuditAction.PATIENT_OPENED, p.id().value(), ""));
        return patient;
    }

    @Transactional
    public Patient create(PatientDetails details) {
        SignedInUser user = currentUser.require();
        check(user, details);
        PatientId id = patients.insert(user.clinicId(), details, clock.instant());
        audit.record(AuditAction.PATIENT_CREATED, id.value(), "");
        return patients.find(user.clinicId(), id).orElseThrow();
    }

    /** Refused if someone saved the record after {@code expectedVersion} was read. */
    @Transactional
    public Patient update(PatientId id, int expectedVersion, PatientDetails details) {
        SignedInUser user = currentUser.require();
        check(user, details);
        if (!patients.update(user.clinicId(), id, expectedVersion, details, clock.instant())) {
            if (patients.find(user.clinicId(), id).isEmpty()) {
                throw new PatientException("This patient no longer exists.");
            }
            throw new PatientException("Someone else saved this patient while you were editing. "
                    + "Your changes are still in the form: reload the record and apply them again.");
        }
        audit.record(AuditAction.PATIENT_EDITED, id.value(), "");
        return patients.find(user.clinicId(), id).orElseThrow();
    }

    @Transactional
    public void setArchived(PatientId id, boolean archived) {
        SignedInUser user = currentUser.require();
        if (!patients.setArchived(user.clinicId(), id, archived, clock.instant())) {
            throw new PatientException("This patient no longer exists.");
        }
        audit.record(AuditAction.PATIENT_ARCHIVED, id.value(), archived ? "archived" : "restored");
    }

    /**
     * Deletes a patient and everything recorded for them, for good. Admins only, and only when
     * the typed name matches, so that a slip of the mouse cannot do it.
     */
    @Transactional
    public void deletePermanently(PatientId id, String typedName) {
        SignedInUser user = currentUser.require();
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only an admin can delete a patient.");
        }
        Patient patient = patients.find(user.clinicId(), id)
                .orElseThrow(() -> new PatientException("This patient no longer exists."));
        if (typedName == null || !patient.fullName().equalsIgnoreCase(typedName.strip())) {
            throw new PatientException(List.of(new FieldProblem("confirmName",
                    "Type the patient's full name exactly as shown to confirm.")));
        }
        patients.delete(user.clinicId(), id);
        // The entry keeps only the id (no foreign key), so it outlives the record without its data.
        audit.record(AuditAction.PATIENT_DELETED, id.value(), "");
    }

    private void check(SignedInUser user, PatientDetails details) {
        List<FieldProblem> problems = new ArrayList<>(details.problems(LocalDate.now(clock)));
        if (details.therapistId() != null && !patients.therapistInClinic(user.clinicId(), details.therapistId())) {
            problems.add(new FieldProblem("therapistId", "Choose a therapist from your clinic."));
        }
        if (!problems.isEmpty()) {
            throw new PatientException(problems);
        }
    }
}
