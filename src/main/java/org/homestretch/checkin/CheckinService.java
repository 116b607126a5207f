package org.homestretch.checkin;

import org.homestretch.audit.ActorKind;
import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditLog;
import org.homestretch.clinic.ClinicService;
import org.homestretch.base.FieldProblem;
import org.homestretch.catalog.CatalogService;
import org.homestretch.catalog.DosageText;
import org.homestretch.catalog.Exercise;
import org.homestretch.catalog.ExerciseContent;
import org.homestretch.catalog.ExerciseFigures;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientId;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramId;
import org.homestretch.program.ProgramItem;
import org.homestretch.program.ProgramService;
import org.homestretch.program.ProgramVersion;
import org.homestretch.security.ClinicId;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.homestretch.security.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Recording sessions: from the patient's phone (scoped by their {@link PatientContext}) and from
 * the paper log by a therapist (scoped by the signed-in user's clinic). One place for the rules:
 * which days may be filled in, which session numbers exist, idempotency, and undo.
 */
@Service
public class CheckinService {

    /** Today and the two days before: a patient who forgot to tick yesterday can still say so. */
    static final int LATE_DAYS = 2;
    static final Duration UNDO_WINDOW = Duration.ofMinutes(10);

    private final CheckinRepository checkins;
    private final ProgramService programs;
    private final CatalogService catalog;
    private final ExerciseFigures figures;
    private final ClinicService clinics;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AuditLog audit;
    private final PatientService patients;
    private final ApplicationEventPublisher events;

    CheckinService(CheckinRepository checkins, ProgramService programs, CatalogService catalog,
                   ExerciseFigures figures, ClinicService clinics, CurrentUser currentUser, Clock clock,
                   AuditLog audit, PatientService patients, ApplicationEventPublisher events) {
        this.events = events;
        this.audit = audit;
        this.patients = patients;
        this.checkins = checkins;
        this.programs = programs;
        this.catalog = catalog;
        this.figures = figures;
        this.clinics = clinics;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A saved check-in; {@code repeated} when this form had been saved before (a double tap or a resend). */
    public record Recorded(Checkin checkin, boolean repeated) {
    }

    // ---- the patient's phone ----

    LocalDate today(PatientContext patient) {
        return LocalDate.now(clock.withZone(patient.zone()));
    }

    /** The days the patient may fill in, newest first. */
    List<LocalDate> fillableDays(PatientContext patient) {
        LocalDate today = today(patient);
        return IntStream.rangeClosed(0, LATE_DAYS).mapToObj(today::minusDays).toList();
    }

    @Transactional(readOnly = true)
    boolean hadProgramOn(PatientContext patient, LocalDate date) {
        return versionOn(patient.clinicId(), patient.programId(), date, patient.zone()).isPresent();
    }

    @Transactional(readOnly = true)
    Optional<DayPlan> day(PatientContext patient, LocalDate date) {
        Optional<ProgramVersion> version = versionOn(patient.clinicId(), patient.programId(), date, patient.zone());
        if (version.isEmpty()) {
            return Optional.empty();
        }
        List<DayPlan.PlanExercise> exercises = new ArrayList<>();
        List<ProgramItem> items = version.get().items();
        for (int i = 0; i < items.size(); i++) {
            ProgramItem item = items.get(i);
            Optional<Exercise> exercise = catalog.findForPatient(patient.clinicId(), item.exerciseId());
            Optional<ExerciseContent> content = exercise.map(Exercise::content);
            exercises.add(new DayPlan.PlanExercise(i, item.exerciseName(), DosageText.sentence(item.dosage()),
                    content.map(ExerciseContent::steps).orElse(List.of()),
                    content.map(ExerciseContent::stopIf).orElse(List.of()),
                    item.dosage().timesPerDay(),
                    exercise.flatMap(e -> figures.movingSvg(e, item.dosage().holdSeconds())).orElse(""), item.dosage()));
        }
        List<Checkin> recorded = checkins.day(patient.programId(), date);
        List<DayPlan.Slot> slots = IntStream.rangeClosed(1, sessionsPerDay(version.get()))
                .mapToObj(n -> new DayPlan.Slot(n, recorded.stream().filter(c -> c.session() == n).findFirst()))
                .toList();
        Optional<Checkin> undoable = checkins.lastFromPatientSince(patient.programId(),
                        clock.instant().minus(UNDO_WINDOW))
                .filter(c -> c.date().equals(date));
        return Optional.of(new DayPlan(date, version.get().number(), exercises, slots, undoable));
    }

    @Transactional
    Recorded record(PatientContext patient, CheckinEntry entry) {
        LocalDate today = today(patient);
        if (entry.date() != null && (entry.date().isAfter(today) || entry.date().isBefore(today.minusDays(LATE_DAYS)))) {
            throw CheckinException.of("date", "You can fill in today and the " + LATE_DAYS
                    + " days before. For older days, tell your therapist at your next visit.");
        }
        return record(new Scope(patient.clinicId(), patient.patientId(), patient.programId(), patient.zone()),
                entry, CheckinSource.PATIENT, null);
    }

    /** Undoes the patient's newest check-in of today if it is less than ten minutes old. */
    @Transactional
    boolean undo(PatientContext patient, UUID checkinId) {
        Optional<Checkin> last = checkins.lastFromPatientSince(patient.programId(), clock.instant().minus(UNDO_WINDOW));
        if (last.isEmpty() || !last.get().id().equals(checkinId)) {
            return false;
        }
        boolean withdrawn = checkins.withdraw(patient.programId(), checkinId, clock.instant());
        if (withdrawn) {
            UUID by = patient.patientId().value();
            audit.recordFor(patient.clinicId().value(), by, ActorKind.PATIENT, AuditAction.CHECKIN_WITHDRAWN, by, "undone");
        }
        return withdrawn;
    }

    // ---- the therapist ----

    /**
     * Finds the patient for the check-ins page and records that it was opened. The page calls this
     * once per visit (on navigation), so paging the list or entering paper adds no such entry.
     */
    @Transactional(readOnly = true)
    public Optional<Patient> openCheckins(PatientId patientId) {
        Optional<Patient> patient = patients.find(patientId);
        patient.ifPresent(p -> audit.recordRead(AuditAction.CHECKINS_OPENED, p.id().value(), ""));
        return patient;
    }

    /** Today in the signed-in user's clinic: the latest day a paper log entry can be for. */
    public LocalDate todayInClinic() {
        return LocalDate.now(clock.withZone(clinics.current().timeZone()));
    }

    /** Check-ins of a patient of the caller's clinic, newest first; empty for anyone else's patient. */
    @Transactional(readOnly = true)
    public List<Checkin> recent(PatientId patientId, int offset, int limit) {
        SignedInUser user = currentUser.require();
        if (programs.programOf(patientId).isEmpty()) {
            return List.of();
        }
        return checkins.recent(user.clinicId(), patientId, offset, limit);
    }

    @Transactional(readOnly = true)
    public int count(PatientId patientId) {
        SignedInUser user = currentUser.require();
        if (programs.programOf(patientId).isEmpty()) {
            return 0;
        }
        return checkins.count(user.clinicId(), patientId);
    }

    /** A session copied from the paper log the patient brought; any day since the program began, none in the future. */
    @Transactional
    public Recorded recordFromPaper(PatientId patientId, CheckinEntry entry) {
        SignedInUser user = currentUser.require();
        ProgramId program = programs.programOf(patientId)
                .orElseThrow(() -> CheckinException.of(null, "This patient has no program yet."));
        ZoneId zone = clinics.current().timeZone();
        if (entry.date() != null && entry.date().isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw CheckinException.of("date", "This day has not happened yet.");
        }
        Recorded recorded = record(new Scope(user.clinicId(), patientId, program, zone), entry, CheckinSource.PAPER,
                user.userId());
        if (!recorded.repeated()) {
            audit.record(AuditAction.PAPER_LOG_ENTERED, patientId.value(), "");
        }
        return recorded;
    }

    private record Scope(ClinicId clinicId, PatientId patientId, ProgramId programId, ZoneId zone) {
    }

    private Recorded record(Scope scope, CheckinEntry entry, CheckinSource source, UserId enteredBy) {
        if (entry.key() != null) {
            Optional<Checkin> before = checkins.byKey(scope.programId(), entry.key());
            if (before.isPresent()) {
                return new Recorded(before.get(), true);
            }
        }
        List<FieldProblem> problems = entry.problems();
        if (!problems.isEmpty()) {
            throw new CheckinException(problems);
        }
        ProgramVersion version = versionOn(scope.clinicId(), scope.programId(), entry.date(), scope.zone())
                .orElseThrow(() -> CheckinException.of("date", "The program had not started on this day."));
        int sessions = sessionsPerDay(version);
        if (entry.session() < 1 || entry.session() > sessions) {
            throw CheckinException.of("session", sessions == 1 ? "This program has one session a day."
                    : "This program has sessions 1 to " + sessions + " each day.");
        }
        if (entry.exercisesDone().stream().anyMatch(p -> p < 0 || p >= version.items().size())) {
            throw CheckinException.of(null, "The program changed while this page was open. Please reload the page.");
        }
        Instant now = clock.instant();
        if (entry.done()) {
            // "Not done" then done after all: the later, better news wins.
            checkins.withdrawSkip(scope.programId(), entry.date(), entry.session(), now);
        }
        CheckinRepository.Target target = new CheckinRepository.Target(scope.clinicId(), scope.patientId(),
                scope.programId(), version, source, enteredBy);
        Optional<Checkin> inserted = checkins.insert(target, entry, version.items(), now);
        if (inserted.isEmpty()) {
            // Either the same form arrived twice at once (then it is saved now), or the session already is.
            Optional<Checkin> same = checkins.byKey(scope.programId(), entry.key());
            if (same.isPresent()) {
                return new Recorded(same.get(), true);
            }
            throw CheckinException.of("session", "Session " + entry.session() + " of this day is already recorded.");
        }
        Checkin stored = inserted.get();
        if (stored.redFlag()) {
            // Only a newly stored check-in gets here, so a resend never reports twice.
            events.publishEvent(new WarningSignReported(scope.clinicId(), scope.patientId(), stored.id()));
        }
        return new Recorded(stored, false);
    }

    /** The version in effect at the end of the day: a program changed at noon applies to that whole day. */
    private Optional<ProgramVersion> versionOn(ClinicId clinicId, ProgramId programId, LocalDate date, ZoneId zone) {
        Instant endOfDay = date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1000);
        return programs.versionInEffect(clinicId, programId, endOfDay);
    }

    /** A session is one round of the exercises; the most frequent exercise sets how many a day. */
    static int sessionsPerDay(ProgramVersion version) {
        return version.items().stream().mapToInt(i -> i.dosage().timesPerDay()).max().orElse(1);
    }
}
