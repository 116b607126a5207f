package org.homestretch.adherence;

import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditLog;
import org.homestretch.clinic.ClinicService;
import org.homestretch.outcome.OutcomeService;
import org.homestretch.patient.Patient;
import org.homestretch.patient.PatientId;
import org.homestretch.patient.PatientService;
import org.homestretch.program.ProgramItem;
import org.homestretch.program.ProgramService;
import org.homestretch.program.ProgramVersion;
import org.homestretch.clinic.Clinic;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Adherence figures, the dashboard and the patient's page. Every query takes the clinic from the
 * signed-in user; a patient id from a URL is looked up through {@link PatientService} first, so
 * another clinic's patient is simply not found. "Today" is the clinic's calendar day.
 */
@Service
class AdherenceService {

    /** Comments shown on the patient's page, newest first. */
    static final int COMMENTS = 20;

    private final AdherenceRepository repository;
    private final PatientService patients;
    private final ProgramService programs;
    private final ClinicService clinics;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AuditLog audit;
    private final OutcomeService outcomes;

    AdherenceService(AdherenceRepository repository, PatientService patients, ProgramService programs,
                     ClinicService clinics, CurrentUser currentUser, Clock clock, AuditLog audit,
                     OutcomeService outcomes) {
        this.outcomes = outcomes;
        this.audit = audit;
        this.repository = repository;
        this.patients = patients;
        this.programs = programs;
        this.clinics = clinics;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The dashboard's filter: my patients or the whole clinic, and (if any) the reasons to show. */
    record DashboardQuery(boolean mineOnly, Set<Reason> reasons) {
        DashboardQuery {
            reasons = reasons == null || reasons.isEmpty() ? Set.of() : Set.copyOf(reasons);
        }
    }

    @Transactional(readOnly = true)
    public List<Attention> page(DashboardQuery query, int offset, int limit) {
        SignedInUser user = currentUser.require();
        ZoneId zone = clinics.current().timeZone();
        return repository.attention(scope(user, query, null), zone, LocalDate.now(clock.withZone(zone)),
                clock.instant(), offset, limit);
    }

    @Transactional(readOnly = true)
    public int count(DashboardQuery query) {
        SignedInUser user = currentUser.require();
        ZoneId zone = clinics.current().timeZone();
        return repository.countAttention(scope(user, query, null), zone, LocalDate.now(clock.withZone(zone)),
                clock.instant());
    }

    /**
     * {@link #patient} for a visit to the adherence page, recorded as opened. The page calls this
     * once per visit (on navigation); its own refreshes call {@link #patient}, which adds no entry.
     */
    @Transactional(readOnly = true)
    public Optional<PatientAdherence> open(PatientId id) {
        Optional<PatientAdherence> found = patient(id);
        found.ifPresent(p -> audit.recordRead(AuditAction.ADHERENCE_OPENED, id.value(), ""));
        return found;
    }

    /** Everything the patient's adherence page shows; empty when the patient is not in the caller's clinic. */
    @Transactional(readOnly = true)
    public Optional<PatientAdherence> patient(PatientId id) {
        SignedInUser user = currentUser.require();
        Optional<Patient> found = patients.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Clinic clinic = clinics.current();
        ZoneId zone = clinic.timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate from = CalendarChart.firstDay(today);
        List<ProgramChange> versions = programs.history(id).stream()
                .sorted(Comparator.comparingInt(ProgramVersion::number))
                .map(v -> new ProgramChange(prescription(v, zone), v.changes()))
                .toList();
        Figure week = Figure.NONE, month = Figure.NONE, since = Figure.NONE;
        Attention attention = null;
        Map<LocalDate, AdherenceRepository.Day> days;
        if (versions.isEmpty()) {
            days = repository.days(user.clinicId(), id, from, today);
        } else {
            List<Prescription> prescriptions = versions.stream().map(ProgramChange::prescription).toList();
            LocalDate began = prescriptions.getFirst().starts();
            // One row per day since the program began (or the calendar's start): aggregates, not check-ins.
            days = repository.days(user.clinicId(), id, began.isBefore(from) ? began : from, today);
            Map<LocalDate, Integer> done = new HashMap<>();
            days.forEach((date, day) -> done.put(date, day.done()));
            week = AdherenceFormula.figure(prescriptions, done, today.minusDays(6), today);
            month = AdherenceFormula.figure(prescriptions, done, today.minusDays(29), today);
            since = AdherenceFormula.figure(prescriptions, done, began, today);
            attention = repository.attention(scope(user, new DashboardQuery(false, Set.of()), id), zone, today,
                    clock.instant(), 0, 1).stream().findFirst().orElse(null);
        }
        return Optional.of(new PatientAdherence(found.get(), clinic.name(), today, from, versions, week, month, since,
                days, repository.exercises(user.clinicId(), id, today.minusDays(29), today),
                repository.comments(user.clinicId(), id, from, today, COMMENTS),
                repository.skipReasons(user.clinicId(), id, from, today), attention));
    }

    /** Records that the signed-in user looked at this reason for this patient, now. */
    @Transactional
    public void markReviewed(PatientId id, Reason reason) {
        SignedInUser user = currentUser.require();
        if (patients.find(id).isEmpty()) {
            throw new IllegalArgumentException("This patient no longer exists.");
        }
        repository.insertReview(user.clinicId(), id, reason, user.userId(), clock.instant());
    }

    /** The patient's check-ins as CSV; empty when the patient is not in the caller's clinic. */
    @Transactional(readOnly = true)
    public Optional<Export> csv(PatientId id) {
        SignedInUser user = currentUser.require();
        Optional<Patient> patient = patients.find(id);
        if (patient.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(clinics.current().timeZone()));
        Export export = new Export(ExportNames.file("checkins", patient.get(), today, "csv"),
                "text/csv;charset=UTF-8", CheckinCsv.write(patient.get(), repository.export(user.clinicId(), id)));
        // An export is a read: its entry has its own transaction and never fails the download.
        audit.recordRead(AuditAction.CSV_EXPORTED, id.value(), "");
        return Optional.of(export);
    }

    /**
     * The patient's outcome scores as CSV, one line per score with who entered it; empty when the
     * patient is not in the caller's clinic. A file of its own: its columns are not a check-in's.
     */
    @Transactional(readOnly = true)
    public Optional<Export> outcomeCsv(PatientId id) {
        Optional<Patient> patient = patients.find(id);
        if (patient.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(clinics.current().timeZone()));
        Export export = new Export(ExportNames.file("outcomes", patient.get(), today, "csv"),
                "text/csv;charset=UTF-8", OutcomeCsv.write(patient.get(), outcomes.history(id)));
        audit.recordRead(AuditAction.CSV_EXPORTED, id.value(), "outcomes");
        return Optional.of(export);
    }

    /** The progress report PDF; empty when the patient is not in the caller's clinic. */
    @Transactional(readOnly = true)
    public Optional<Export> report(PatientId id) {
        Optional<Export> export = patient(id).map(p -> new Export(
                ExportNames.file("progress-report", p.patient(), p.today(), "pdf"), "application/pdf",
                new ProgressReport().render(p, outcomes.history(id), clinics.current().dateStyle())));
        export.ifPresent(e -> audit.recordRead(AuditAction.PROGRESS_REPORT_EXPORTED, id.value(), ""));
        return export;
    }

    /**
     * A file to download. Its name tells patients apart with the last name and first initial only
     * ({@link ExportNames}): file names end up in download folders, histories and mail.
     */
    record Export(String fileName, String contentType, byte[] content) {
    }

    private static AdherenceRepository.Scope scope(SignedInUser user, DashboardQuery query, PatientId patient) {
        return new AdherenceRepository.Scope(user.clinicId(), user.userId(), query.mineOnly(), patient,
                query.reasons());
    }

    static Prescription prescription(ProgramVersion version, ZoneId zone) {
        int perWeek = version.items().stream().mapToInt(i -> i.dosage().timesPerDay() * i.dosage().daysPerWeek())
                .max().orElse(7);
        int perDay = version.items().stream().map(ProgramItem::dosage).mapToInt(d -> d.timesPerDay())
                .max().orElse(1);
        return new Prescription(version.number(), LocalDate.ofInstant(version.publishedAt(), zone), perWeek, perDay);
    }
}
