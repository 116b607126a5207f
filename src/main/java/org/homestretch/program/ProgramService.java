package org.homestretch.program;

import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditLog;
import org.homestretch.base.FieldProblem;
import org.homestretch.base.UserText;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.Exercise;
import org.homestretch.catalog.ExerciseId;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientId;
import org.homestretch.patient.PatientService;
import org.homestretch.security.ClinicId;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Building and publishing home programs. A patient is always looked up through
 * {@link PatientService}, which scopes it to the caller's clinic, and every exercise through
 * {@link CatalogService}, so nobody can reach another clinic's data by id.
 */
@Service
public class ProgramService {

    public static final int MAX_ITEMS = 60;
    private static final String NO_PATIENT = "This patient no longer exists.";

    private final ProgramRepository programs;
    private final PatientService patients;
    private final CatalogService catalog;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AuditLog audit;

    ProgramService(ProgramRepository programs, PatientService patients, CatalogService catalog,
                   CurrentUser currentUser, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.programs = programs;
        this.patients = patients;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The patient's current program; empty when the patient is not in the caller's clinic. */
    @Transactional(readOnly = true)
    public Optional<PatientProgram> current(PatientId patientId) {
        SignedInUser user = currentUser.require();
        Optional<Patient> patient = patients.find(patientId);
        if (patient.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(programs.findPatientProgram(user.clinicId(), patientId)
                .flatMap(head -> programs.currentVersion(head.id()))
                .map(v -> new PatientProgram(patientId, v.number(), v.items()))
                .orElse(new PatientProgram(patientId, 0, List.of())));
    }

    /** All published versions, newest first, each with what changed. */
    @Transactional(readOnly = true)
    public List<ProgramVersion> history(PatientId patientId) {
        SignedInUser user = currentUser.require();
        requirePatient(patientId);
        return programs.findPatientProgram(user.clinicId(), patientId)
                .map(head -> programs.versions(head.id())).orElse(List.of());
    }

    /**
     * One published version of a patient's program with its patient; empty for an unknown id, a
     * template's version, and another clinic's version alike.
     */
    @Transactional(readOnly = true)
    public Optional<PublishedVersion> findVersion(ProgramVersionId versionId) {
        SignedInUser user = currentUser.require();
        return programs.findPatientVersion(user.clinicId(), versionId)
                .filter(found -> patients.find(found.patientId()).isPresent());
    }

    /**
     * Finds the patient for the program editor and records that the editor was opened. The page
     * calls this once per visit (on navigation), so a click or a reload of its list adds no entry.
     */
    @Transactional(readOnly = true)
    public Optional<Patient> openEditor(PatientId patientId) {
        Optional<Patient> patient = patients.find(patientId);
        patient.ifPresent(p -> audit.recordRead(AuditAction.PROGRAM_OPENED, p.id().value(), ""));
        return patient;
    }

    /** The patient's program once it has a published version; empty for another clinic's patient. */
    @Transactional(readOnly = true)
    public Optional<ProgramId> programOf(PatientId patientId) {
        SignedInUser user = currentUser.require();
        if (patients.find(patientId).isEmpty()) {
            return Optional.empty();
        }
        return programs.findPatientProgram(user.clinicId(), patientId)
                .filter(head -> head.currentVersion() > 0)
                .map(ProgramRepository.Head::id);
    }

    /**
     * The version of a patient's program in effect at {@code at}: the newest published no later.
     * For the patient's own page, where nobody signs in: the caller has already proven access to
     * exactly this program of this clinic, and both ids come from that proof, never from a URL.
     */
    @Transactional(readOnly = true)
    public Optional<ProgramVersion> versionInEffect(ClinicId clinicId, ProgramId programId, Instant at) {
        return programs.versionAt(clinicId, programId, at);
    }

    /** A new item for an exercise, with the exercise's default dosage. */
    @Transactional(readOnly = true)
    public ProgramItem newItem(ExerciseId exerciseId) {
        Exercise exercise = catalog.find(exerciseId)
                .orElseThrow(() -> ProgramException.of("This exercise is not in your catalog."));
        return new ProgramItem(exercise.id(), exercise.name(), exercise.content().dosage(), "");
    }

    /**
     * Publishes the items as the patient's next version. Refused, with nothing written, if
     * someone else published after {@code expectedVersion} (the caller's edits stay in the
     * editor to be reapplied), or if the items are the same as the current version.
     */
    @Transactional
    public ProgramVersion publish(PatientId patientId, int expectedVersion, List<ProgramItem> items) {
        SignedInUser user = currentUser.require();
        // Round trips counted (ProgramSaveStatementsTest): the catalog, the program row, the
        // version it replaces (from the second on), the new version, its items, then the audit entry.
        Checked checked = check(items);
        if (!checked.problems().isEmpty()) {
            requirePatient(patientId);
            throw new ProgramException(checked.problems(), false);
        }
        ProgramRepository.Head head = programs.lockPatientProgram(user.clinicId(), patientId, user.userId(),
                        clock.instant())
                .orElseThrow(() -> ProgramException.of(NO_PATIENT));
        if (head.currentVersion() != expectedVersion) {
            throw conflict();
        }
        List<ProgramItem> before = expectedVersion == 0 ? List.of() : programs.items(head.id(), expectedVersion);
        // A repeated click or a save without edits must not add a version that changes nothing.
        if (expectedVersion > 0 && sameContent(before, checked.items())) {
            throw ProgramException.of("No changes to save: this is the same as version " + expectedVersion + ".");
        }
        List<String> changes = expectedVersion == 0 ? List.of("First version")
                : ProgramChanges.between(before, checked.items());
        ProgramVersion version = programs.publishVersion(head.id(), expectedVersion, user.userId(), changes,
                clock.instant()).orElseThrow(ProgramService::conflict);
        programs.insertItems(version.id(), checked.items());
        audit.record(AuditAction.PROGRAM_VERSION_SAVED, patientId.value(), "version " + version.number());
        return new ProgramVersion(version.id(), version.number(), version.publishedAt(), version.publishedBy(),
                version.changes(), checked.items());
    }

    /** Templates the caller may start from: built-in, the clinic's, and their own. */
    @Transactional(readOnly = true)
    public List<Template> templates() {
        SignedInUser user = currentUser.require();
        return programs.templates(user.clinicId(), user.userId());
    }

    /** Saves a copy of the items as a template; later edits to either side never affect the other. */
    @Transactional
    public Template saveAsTemplate(String name, Template.Scope scope, List<ProgramItem> items) {
        SignedInUser user = currentUser.require();
        String trimmed = UserText.strip(name);
        if (trimmed.length() < 3 || trimmed.length() > 120) {
            throw new ProgramException(List.of(new FieldProblem("templateName", "Use 3 to 120 characters.")), false);
        }
        UserText.check(trimmed).ifPresent(message -> {
            throw new ProgramException(List.of(new FieldProblem("templateName", message)), false);
        });
        if (scope == Template.Scope.BUILT_IN) {
            throw ProgramException.of("Built-in templates come with the app.");
        }
        List<ProgramItem> checked = check(items).orThrow();
        ProgramId id = programs.insertTemplate(user.clinicId(), trimmed, scope, null, user.userId(), clock.instant());
        programs.advance(id, 0, 1, clock.instant());
        programs.insertVersion(id, 1, user.userId(), List.of("Template created"), checked, clock.instant());
        return new Template(id, trimmed, scope, checked);
    }

    /** Items with their names from the catalog, and what is wrong with them (nothing when empty). */
    private record Checked(List<ProgramItem> items, List<FieldProblem> problems) {
        List<ProgramItem> orThrow() {
            if (!problems.isEmpty()) {
                throw new ProgramException(problems, false);
            }
            return items;
        }
    }

    /**
     * Items checked again: each exercise must be visible to the clinic, names come from the
     * catalog (not from the caller), and every dosage must be in range. One catalog read for all.
     */
    private Checked check(List<ProgramItem> items) {
        List<FieldProblem> problems = new ArrayList<>();
        if (items.isEmpty()) {
            problems.add(new FieldProblem("items", "Add at least one exercise."));
        }
        if (items.size() > MAX_ITEMS) {
            problems.add(new FieldProblem("items", "A program can have at most " + MAX_ITEMS + " exercises."));
        }
        Map<ExerciseId, Exercise> catalogued = catalog.findAll(items.stream().map(ProgramItem::exerciseId).toList());
        List<ProgramItem> checked = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ProgramItem item = items.get(i);
            problems.addAll(item.problems(i));
            Exercise exercise = catalogued.get(item.exerciseId());
            if (exercise == null) {
                problems.add(new FieldProblem("items[" + i + "]", "This exercise is not in your catalog."));
            } else {
                checked.add(new ProgramItem(item.exerciseId(), exercise.name(), item.dosage(), item.note()));
            }
        }
        return new Checked(checked, problems);
    }

    private static ProgramException conflict() {
        return new ProgramException(List.of(new FieldProblem(null,
                "Someone else saved this program while you were editing. Your changes are still here: "
                        + "reload to see their version, then apply your changes again.")), true);
    }

    /** Same exercises in the same order with the same dosage and notes; names are the catalog's concern. */
    static boolean sameContent(List<ProgramItem> a, List<ProgramItem> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            ProgramItem x = a.get(i);
            ProgramItem y = b.get(i);
            if (!x.exerciseId().equals(y.exerciseId()) || !x.dosage().equals(y.dosage()) || !x.note().equals(y.note())) {
                return false;
            }
        }
        return true;
    }

    private void requirePatient(PatientId patientId) {
        if (patients.find(patientId).isEmpty()) {
            throw ProgramException.of(NO_PATIENT);
        }
    }
}
