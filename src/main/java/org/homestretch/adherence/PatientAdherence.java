package org.homestretch.adherence;

import org.homestretch.patient.Patient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the patient's adherence page and progress report show, read in one service call.
 *
 * @param from        first day of the calendar and charts (a Monday, 12 weeks back)
 * @param versions    published versions, oldest first
 * @param attention   the patient's dashboard row; null when there is no program yet
 */
record PatientAdherence(Patient patient, String clinicName, LocalDate today, LocalDate from,
                        List<ProgramChange> versions, Figure week, Figure month, Figure sinceStart,
                        Map<LocalDate, AdherenceRepository.Day> days,
                        List<AdherenceRepository.ExerciseCompletion> exercises,
                        List<AdherenceRepository.Comment> comments, Map<String, Integer> skipReasons,
                        Attention attention) {

    boolean hasProgram() {
        return !versions.isEmpty();
    }

    LocalDate began() {
        return versions.isEmpty() ? null : versions.getFirst().prescription().starts();
    }

    /** Where the pain chart and the report start: 12 weeks back, or the program's first day if later. */
    LocalDate chartStart() {
        return began() != null && began().isAfter(from) ? began() : from;
    }

    /** "Forgot ×4, No time ×2", most frequent first, each label as written; empty when nothing was skipped. */
    String skipSummary() {
        StringBuilder out = new StringBuilder();
        skipReasons.forEach((reason, times) -> {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            String label = SkipReasons.label(reason);
            out.append(label).append(" \u00d7").append(times);
        });
        return out.toString();
    }
}
