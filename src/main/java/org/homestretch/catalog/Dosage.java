package org.homestretch.catalog;

import org.homestretch.base.FieldProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * How much of an exercise to do: the default a therapist starts from. The same ranges apply
 * to a patient's program items.
 */
public record Dosage(int sets, int repetitions, int holdSeconds, Sides sides, int timesPerDay, int daysPerWeek) {

    public static final int SETS_MIN = 1, SETS_MAX = 10;
    public static final int REPETITIONS_MIN = 1, REPETITIONS_MAX = 100;
    public static final int HOLD_MIN = 0, HOLD_MAX = 300;
    public static final int TIMES_PER_DAY_MIN = 1, TIMES_PER_DAY_MAX = 6;
    public static final int DAYS_PER_WEEK_MIN = 1, DAYS_PER_WEEK_MAX = 7;

    /** Where a new moving exercise starts: 10 times, once a day, every day. */
    public static final int MOVING_REPETITIONS = 10;
    /**
     * Where a new held stretch starts: 3 holds of 30 s (the top of the usual "15 to 30 seconds"
     * advice, see CATALOG.md). Ten 30-second holds would be five minutes for one stretch.
     */
    public static final int HELD_REPETITIONS = 3, HELD_SECONDS = 30;

    /** The starting dosage of a new exercise: held (it has a hold time) or moving. */
    public static Dosage newExercise(boolean held) {
        return held ? new Dosage(1, HELD_REPETITIONS, HELD_SECONDS, Sides.NONE, 1, 7)
                : new Dosage(1, MOVING_REPETITIONS, 0, Sides.NONE, 1, 7);
    }

    /** The repetitions a new exercise starts with for this hold time. */
    public static int defaultRepetitions(int holdSeconds) {
        return holdSeconds > 0 ? HELD_REPETITIONS : MOVING_REPETITIONS;
    }

    /** One message per field that is out of range; empty when the dosage is valid. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        check(problems, "sets", sets, SETS_MIN, SETS_MAX, "Sets");
        check(problems, "repetitions", repetitions, REPETITIONS_MIN, REPETITIONS_MAX, "Repetitions");
        check(problems, "holdSeconds", holdSeconds, HOLD_MIN, HOLD_MAX, "Hold");
        check(problems, "timesPerDay", timesPerDay, TIMES_PER_DAY_MIN, TIMES_PER_DAY_MAX, "Times per day");
        check(problems, "daysPerWeek", daysPerWeek, DAYS_PER_WEEK_MIN, DAYS_PER_WEEK_MAX, "Days per week");
        if (sides == null) {
            problems.add(new FieldProblem("sides", "Choose how the sides are used."));
        }
        return problems;
    }

    private static void check(List<FieldProblem> problems, String field, int value, int min, int max, String label) {
        if (value < min || value > max) {
            problems.add(new FieldProblem(field, label + " must be between " + min + " and " + max + "."));
        }
    }

    /** A short summary for lists, e.g. "3 sets of 10, hold 5 s, each side, twice a day". */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (sets > 1) {
            parts.add(sets + " sets of " + repetitions);
        } else if (repetitions > 1) {
            parts.add(repetitions + " times");
        }
        if (holdSeconds > 0) {
            parts.add("hold " + holdSeconds + " s");
        }
        if (parts.isEmpty()) {
            parts.add("once");
        }
        if (sides != null && sides != Sides.NONE) {
            parts.add(sides.label().toLowerCase(java.util.Locale.ROOT));
        }
        parts.add(timesPerDay == 1 ? "once a day" : timesPerDay == 2 ? "twice a day" : timesPerDay + " times a day");
        if (daysPerWeek < 7) {
            parts.add(daysPerWeek + (daysPerWeek == 1 ? " day" : " days") + " a week");
        }
        String text = String.join(", ", parts);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
