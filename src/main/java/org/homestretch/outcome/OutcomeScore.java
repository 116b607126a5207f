package org.homestretch.outcome;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One stored score: the measure, the day it was taken, its items and who entered it. */
public record OutcomeScore(UUID id, Measure measure, LocalDate takenOn, double score, List<Item> items,
                           String enteredBy, String source) {

    /** Whether the patient gave this score on their phone, rather than a therapist at a visit. */
    public boolean byPatient() {
        return "PHONE".equals(source);
    }

    /** Who entered it, for reports and exports: "patient (phone)" or the therapist's name. */
    public String enteredByText() {
        if (byPatient()) {
            return "patient (phone)";
        }
        return enteredBy == null || enteredBy.isBlank() ? "therapist (account removed)" : enteredBy;
    }

    /** One item: an activity of the PSFS with its 0–10 score, or the one pain number of the NPRS. */
    public record Item(String label, int score) {
    }
}
