package org.homestretch.outcome;

import org.homestretch.clinic.Clinic;
import org.homestretch.clinic.ClinicService;
import org.homestretch.patient.PatientId;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Patients whose latest score on a measure is worse than their baseline by a clinically
 * important change ({@link Measure#important}, the rule of the chart's sentence), for the
 * worklist. A therapist's own patients, an admin's whole clinic; the clinic is the signed-in user's.
 */
@Service
public class OutcomeTrends {

    /**
     * @param latestScore the score that made it worse: a later score is a new event to review
     * @param change      the sentence of the chart, "Worse by 2.3 points since 1 Oct 2026 (clinically important)"
     * @param enteredAt   when the latest score was entered
     */
    public record Worsening(PatientId patient, String patientName, Measure measure, UUID latestScore,
                            LocalDate takenOn, String change, Instant enteredAt) {

        @Override
        public String toString() {
            return "Worsening[" + patient.value() + ", " + measure.id() + "]"; // no names in logs
        }
    }

    private final OutcomeTrendRepository repository;
    private final ClinicService clinics;
    private final CurrentUser currentUser;

    OutcomeTrends(OutcomeTrendRepository repository, ClinicService clinics, CurrentUser currentUser) {
        this.repository = repository;
        this.clinics = clinics;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public List<Worsening> worsening() {
        SignedInUser user = currentUser.require();
        Clinic clinic = clinics.current();
        return repository.baselineAndLatest(user.clinicId(), user.isAdmin() ? null : user.userId()).stream()
                // A measure no longer known to this version is left out; so is one score alone (no change).
                .filter(t -> t.measure() != null && t.latest() != t.baseline()
                        && !t.measure().better(t.baseline(), t.latest()) && t.measure().important(t.baseline(), t.latest()))
                .map(t -> new Worsening(t.patient(), t.patientName(), t.measure(), t.latestScore(), t.latestOn(),
                        Change.describe(t.measure(), t.baseline(), t.baselineOn(), t.latest(), clinic.dateStyle()),
                        t.enteredAt()))
                .toList();
    }
}
