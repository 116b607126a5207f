package org.homestretch.checkin;

import org.homestretch.catalog.Dosage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One day of a patient's program as the phone page shows it: the exercises, each session with
 * what was recorded for it, and the check-in that can still be undone.
 */
record DayPlan(LocalDate date, int programVersion, List<PlanExercise> exercises, List<Slot> sessions,
               Optional<Checkin> undoable) {

    /**
     * An exercise with everything the patient needs to do it alone; {@code amount} is the dosage as
     * numbers, for the guided session's hold timer.
     */
    record PlanExercise(int position, String name, String dosage, List<String> steps, List<String> stopIf,
                        int timesPerDay, String figureSvg, Dosage amount) {
    }

    /** Session {@code number} of the day; {@code recorded} is empty while it is still to do. */
    record Slot(int number, Optional<Checkin> recorded) {
        /**
         * Nothing recorded yet. "I could not do this session" is an answer too: offering the same
         * session again would only lead to "already recorded".
         */
        boolean open() {
            return recorded.isEmpty();
        }

        boolean done() {
            return recorded.map(Checkin::done).orElse(false);
        }
    }

    /** The first session with nothing recorded: the one the page offers to fill in. */
    Optional<Slot> next() {
        return sessions.stream().filter(Slot::open).findFirst();
    }

    List<PlanExercise> exercisesFor(int session) {
        return exercises.stream().filter(e -> e.timesPerDay() >= session).toList();
    }

    /** Every session of the day has an answer, done or not. */
    boolean allRecorded() {
        return sessions.stream().noneMatch(Slot::open);
    }

    boolean allDone() {
        return sessions.stream().allMatch(Slot::done);
    }

    /** A warning sign was reported in any session of the day: the page keeps saying stop and call. */
    /** The most serious tier reported on the day; null when none was. */
    Symptom.Tier warningTier() {
        return Symptom.highest(sessions.stream().flatMap(s -> s.recorded().stream())
                .flatMap(c -> c.symptoms().stream()).toList());
    }

    boolean warning() {
        return sessions.stream().anyMatch(s -> s.recorded().map(Checkin::redFlag).orElse(false));
    }

    /** Whether this check-in is still live on this day (not undone since). */
    boolean holds(UUID checkinId) {
        return sessions.stream().anyMatch(s -> s.recorded().map(c -> c.id().equals(checkinId)).orElse(false));
    }
}
