package org.homestretch.outcome;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One stored score: the measure, the day it was taken, its items and who entered it. */
public record OutcomeScore(UUID id, Measure measure, LocalDate takenOn, double score, List<Item> items,
                           String enteredBy, String source) {

    /** One item: an activity of the PSFS with its 0–10 score, or the one pain number of the NPRS. */
    public record Item(String label, int score) {
    }
}
