package org.homestretch.adherence;

import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditLog;
import org.homestretch.clinic.ClinicService;
import org.homestretch.patient.PatientId;
import org.homestretch.patient.PatientService;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The dashboard's open flags for other features (the worklist): the same query, the same rules
 * and the same reviews as {@code /adherence}, so a flag reviewed in one place is reviewed in the
 * other. A therapist sees their own patients, an admin the whole clinic; the clinic is always
 * the signed-in user's.
 */
@Service
public class AdherenceFlags {

    /** More than any clinic's list of open flags; the worklist is not paged. */
    static final int MAX_PATIENTS = 500;

    /** What a flag is about, most urgent first. */
    public enum Kind {
        EMERGENCY_SIGN(Reason.RED_FLAG), URGENT_SIGN(Reason.RED_FLAG), PAIN(Reason.PAIN), LAPSED(Reason.NO_CHECKIN);

        private final Reason reason;

        Kind(Reason reason) {
            this.reason = reason;
        }
    }

    /**
     * One open flag. {@code what} is plain words with its figure ("Pain 8/10, pain rising 3.0 → 6.0");
     * {@code at} is when it happened: the check-in that raised it, or for a lapsed patient the day
     * of their last check-in (or of the program's start) at midnight in the clinic's zone.
     */
    public record Flag(PatientId patient, String patientName, Kind kind, String what, Instant at) {

        @Override
        public String toString() {
            return "Flag[" + patient.value() + ", " + kind + "]"; // no names in logs
        }
    }

    private final AdherenceRepository repository;
    private final PatientService patients;
    private final ClinicService clinics;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final AuditLog audit;

    AdherenceFlags(AdherenceRepository repository, PatientService patients, ClinicService clinics,
                   CurrentUser currentUser, Clock clock, AuditLog audit) {
        this.repository = repository;
        this.patients = patients;
        this.clinics = clinics;
        this.currentUser = currentUser;
        this.clock = clock;
        this.audit = audit;
    }

    /** Flags nobody has reviewed yet, for the caller's patients (an admin's: the clinic's). */
    @Transactional(readOnly = true)
    public List<Flag> open() {
        SignedInUser user = currentUser.require();
        ZoneId zone = clinics.current().timeZone();
        List<Flag> flags = new ArrayList<>();
        for (Attention a : attention(user, null, zone)) {
            flags.addAll(flags(a, zone));
        }
        return flags;
    }

    /**
     * Records that the caller looked at this flag, audited. Returns false, storing nothing, when the
     * flag is not open (already reviewed, by a second click or by a colleague).
     */
    @Transactional
    public boolean markReviewed(PatientId patient, Kind kind) {
        SignedInUser user = currentUser.require();
        if (patients.find(patient).isEmpty()) {
            throw new IllegalArgumentException("This patient no longer exists.");
        }
        repository.lockReviews(patient);
        ZoneId zone = clinics.current().timeZone();
        boolean open = attention(user, patient, zone).stream().anyMatch(a -> a.needs(kind.reason));
        if (!open) {
            return false;
        }
        repository.insertReview(user.clinicId(), patient, kind.reason, user.userId(), clock.instant());
        audit.record(AuditAction.FLAG_REVIEWED, patient.value(), kind.reason.name());
        return true;
    }

    private List<Attention> attention(SignedInUser user, PatientId patient, ZoneId zone) {
        // A patient asked for by id is looked at whoever treats them: an admin may review any.
        boolean mine = patient == null && !user.isAdmin();
        var scope = new AdherenceRepository.Scope(user.clinicId(), user.userId(), mine, patient,
                EnumSet.of(Reason.RED_FLAG, Reason.PAIN, Reason.NO_CHECKIN));
        return repository.attention(scope, zone, LocalDate.now(clock.withZone(zone)), clock.instant(), 0,
                MAX_PATIENTS);
    }

    static List<Flag> flags(Attention a, ZoneId zone) {
        List<Flag> flags = new ArrayList<>();
        String name = a.firstName() + " " + a.lastName();
        if (a.needs(Reason.RED_FLAG)) {
            boolean emergency = Badges.emergency(a);
            String signs = a.redFlags().stream().map(SkipReasons::symptom).collect(Collectors.joining(", "));
            flags.add(new Flag(a.patientId(), name, emergency ? Kind.EMERGENCY_SIGN : Kind.URGENT_SIGN,
                    (emergency ? "Emergency sign: " : "Warning sign: ") + signs, a.redFlagAt()));
        }
        if (a.needs(Reason.PAIN)) {
            flags.add(new Flag(a.patientId(), name, Kind.PAIN, Badges.text(a, Reason.PAIN),
                    a.painAt() != null ? a.painAt() : a.lastAt()));
        }
        if (a.needs(Reason.NO_CHECKIN)) {
            LocalDate last = a.lastCheckin() != null ? a.lastCheckin() : a.began();
            flags.add(new Flag(a.patientId(), name, Kind.LAPSED, Badges.text(a, Reason.NO_CHECKIN),
                    last.atStartOfDay(zone).toInstant()));
        }
        return flags;
    }
}
