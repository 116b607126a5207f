package org.homestretch.adherence;

import org.homestretch.patient.PatientId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One patient on the dashboard: the figures behind each reason, which reasons hold, and which of
 * those a therapist already reviewed. Built by one SQL query for a whole page of patients.
 *
 * @param quietDays     days since the last check-in (or since the program began, if none yet)
 * @param painBefore    mean pain of the 7 days before the last 7, if any was reported
 * @param redFlagDaysAgo days since the latest warning symptom of the last 7 days, if any
 * @param redFlags      warning symptoms reported in the last 7 days, most frequent first
 * @param redFlagAt     when the latest warning symptom of the last 14 days was recorded, if any
 * @param painAt        when the latest pain of 7 or more of the last 14 days was recorded, if any
 * @param lastAt        when the latest check-in of the last 14 days was recorded, if any
 */
record Attention(PatientId patientId, String firstName, String lastName, LocalDate began, Figure week,
                 Figure month, Integer maxPain, Double painNow, Double painBefore, LocalDate lastCheckin,
                 int quietDays, Integer redFlagDaysAgo, List<String> redFlags, Set<Reason> reasons,
                 Map<Reason, Review> reviews, Instant redFlagAt, Instant painAt, Instant lastAt) {

    String displayName() {
        return lastName + ", " + firstName;
    }

    /** Reasons that hold and nobody has reviewed since. */
    boolean needs(Reason reason) {
        return reasons.contains(reason) && !reviews.containsKey(reason);
    }

    Optional<Review> review(Reason reason) {
        return Optional.ofNullable(reviews.get(reason));
    }

    /** The rise in mean pain over the last 7 days against the 7 before; empty without both. */
    Optional<Double> painRise() {
        return painNow == null || painBefore == null ? Optional.empty() : Optional.of(painNow - painBefore);
    }

    @Override
    public String toString() {
        return "Attention[" + patientId.value() + ", " + reasons + "]"; // no names in logs
    }
}
