package org.homestretch.checkin;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One day of a patient's program as the phone page shows it: the exercises, each session with
 * what was recorded for it, and the check-in that can still be undone.
 */
record DayPlan(LocalDate date, int programVersion, List<PlanExercise> exercises, List<Slot> sessions,
               Optional<Checkin> undoable) {

    /** An exercise with everything the patient needs to do it alone. */
    record PlanExercise(int position, String name, String dosage, List<String> steps, List<String> stopIf,
                        int timesPerDay, String figureSvg) {
    }

    /** Session {@code number} of the day; {@code recorded} is empty while it is still to do. */
    record Slot(int number, Optional<Checkin> recorded) {
        boolean open() {
            return recorded.isEmpty() || !recorded.get().done();
        }
    }

    /** The first session not yet done: the one the page offers to fill in. */
    Optional<Slot> next() {
        return sessions.stream().filter(Slot::open).findFirst();
    }

    List<PlanExercise> exercisesFor(int session) {
        return exercises.stream().filter(e -> e.timesPerDay() >= session).toList();
    }

    boolean allDone() {
        return sessions.stream().noneMatch(Slot::open);
    }
}
