package org.homestretch.outcome;

import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditLog;
import org.homestretch.base.DateStyle;
import org.homestretch.base.FieldProblem;
import org.homestretch.clinic.ClinicService;
import org.homestretch.patient.PatientId;
import org.homestretch.patient.PatientService;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records and reads outcome scores. The clinic is always the signed-in user's; a patient id
 * from a URL is looked up through {@link PatientService} first, so another clinic's patient is
 * not found and nothing is stored. Every score stored writes one audit entry with it.
 */
@Service
public class OutcomeService {

    private final OutcomeRepository repository;
    private final PatientService patients;
    private final ClinicService clinics;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final WeeklyRepository weekly;

    OutcomeService(OutcomeRepository repository, PatientService patients, ClinicService clinics,
                   CurrentUser currentUser, AuditLog audit, Clock clock, WeeklyRepository weekly) {
        this.weekly = weekly;
        this.repository = repository;
        this.patients = patients;
        this.clinics = clinics;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stores a score entered by the therapist from a visit; throws with the problems, storing nothing. */
    @Transactional
    public void record(PatientId patient, OutcomeEntry entry) {
        SignedInUser user = currentUser.require();
        if (patients.find(patient).isEmpty()) {
            throw new OutcomeException("This patient no longer exists.");
        }
        List<FieldProblem> problems = entry.problems(today());
        if (!problems.isEmpty()) {
            throw new OutcomeException(problems);
        }
        repository.insert(user.clinicId(), patient, entry.measure(), entry.takenOn(), entry.items(), user.userId(),
                "VISIT", clock.instant());
        audit.record(AuditAction.OUTCOME_RECORDED, patient.value(), entry.measure().id());
    }

    /** Each measure's scores, baseline first; empty lists for another clinic's patient. */
    @Transactional(readOnly = true)
    public Map<Measure, List<OutcomeScore>> history(PatientId patient) {
        SignedInUser user = currentUser.require();
        Map<Measure, List<OutcomeScore>> all = new LinkedHashMap<>();
        boolean found = patients.find(patient).isPresent();
        for (Measure measure : Measure.ALL) {
            all.put(measure, found ? repository.history(user.clinicId(), patient, measure) : List.of());
        }
        return all;
    }

    /** The activities of the patient's last PSFS, to offer again: the PSFS asks about the same ones. */
    @Transactional(readOnly = true)
    public List<String> lastActivities(PatientId patient) {
        List<OutcomeScore> psfs = history(patient).get(Measure.PSFS);
        if (psfs.isEmpty()) {
            return List.of();
        }
        return psfs.getLast().items().stream().map(OutcomeScore.Item::label).toList();
    }

    /**
     * The weekday the phone asks the weekly question: {@code chosen} when the therapist picked
     * one, else the weekday the program started ({@code programStart}, empty before a program).
     */
    public record Schedule(Optional<DayOfWeek> chosen, Optional<LocalDate> programStart) {
        public Optional<DayOfWeek> effective() {
            return chosen.or(() -> programStart.map(LocalDate::getDayOfWeek));
        }
    }

    @Transactional(readOnly = true)
    public Schedule schedule(PatientId patient) {
        SignedInUser user = currentUser.require();
        if (patients.find(patient).isEmpty()) {
            return new Schedule(Optional.empty(), Optional.empty());
        }
        ZoneId zone = clinics.current().timeZone();
        return new Schedule(weekly.weekday(user.clinicId(), patient),
                weekly.programStart(user.clinicId(), patient).map(at -> LocalDate.ofInstant(at, zone)));
    }

    /** {@code weekday} null: back to the weekday the program started. */
    @Transactional
    public void setWeekday(PatientId patient, DayOfWeek weekday) {
        SignedInUser user = currentUser.require();
        if (patients.find(patient).isEmpty()) {
            throw new OutcomeException("This patient no longer exists.");
        }
        weekly.setWeekday(user.clinicId(), patient, weekday, user.userId(), clock.instant());
    }

    /** The clinic's calendar day. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(clinics.current().timeZone()));
    }

    public DateStyle dateStyle() {
        return clinics.current().dateStyle();
    }
}
