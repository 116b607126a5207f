package org.homestretch.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** A recorded session as the therapist and the patient page see it. */
public record Checkin(UUID id, LocalDate date, int session, boolean done, SkipReason skipReason, Integer pain,
                      Difficulty difficulty, Set<Symptom> symptoms, String comment, CheckinSource source,
                      int programVersion, int exercisesDone, int exercisesPrescribed, Instant createdAt) {

    public boolean redFlag() {
        return !symptoms.isEmpty();
    }

    @Override
    public String toString() {
        // No comment or symptoms: records may end up in logs.
        return "Checkin[" + id + ", " + date + " #" + session + "]";
    }
}
