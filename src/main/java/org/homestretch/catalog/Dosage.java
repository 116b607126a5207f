package org.homestretch.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.homestretch.base.FieldProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * How much of an exercise to do: the default a therapist starts from. The same ranges apply
 * to a patient's program items. {@code minutes} above 0 makes it a timed activity (walking):
 * it is done for that many minutes, so sets and repetitions stay 1 and there is no hold.
 * Files without "minutes" read as 0, and 0 is left out when written, so older files and
 * content hashes stay the same.
 */
public record Dosage(int sets, int repetitions, int holdSeconds, Sides sides, int timesPerDay, int daysPerWeek,
                     @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY) int minutes) {

    public static final int SETS_MIN = 1, SETS_MAX = 10;
    public static final int REPETITIONS_MIN = 1, REPETITIONS_MAX = 100;
    public static final int HOLD_MIN = 0, HOLD_MAX = 300;
    public static final int TIMES_PER_DAY_MIN = 1, TIMES_PER_DAY_MAX = 6;
    public static final int DAYS_PER_WEEK_MIN = 1, DAYS_PER_WEEK_MAX = 7;
    /** 0 for counted exercises; a walk of up to two hours otherwise. */
    public static final int MINUTES_MIN = 0, MINUTES_MAX = 120;

    /** A counted exercise (not timed in minutes). */
    public Dosage(int sets, int repetitions, int holdSeconds, Sides sides, int timesPerDay, int daysPerWeek) {
        this(sets, repetitions, holdSeconds, sides, timesPerDay, daysPerWeek, 0);
    }

    /** A timed activity such as walking: this many minutes, once per session. */
    public static Dosage timed(int minutes, int timesPerDay, int daysPerWeek) {
        return new Dosage(1, 1, 0, Sides.NONE, timesPerDay, daysPerWeek, minutes);
    }

    /** Done for a number of minutes rather than counted. */
    public boolean timed() {
        return minutes > 0;
    }

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
        check(problems, "minutes", minutes, MINUTES_MIN, MINUTES_MAX, "Minutes");
        if (timed()) {
            // A walk of 20 minutes has no hold or count: a stray 3 would make the plan say two things.
            if (sets != 1) {
                problems.add(new FieldProblem("sets", "With minutes set, keep sets at 1."));
            }
            if (repetitions != 1) {
                problems.add(new FieldProblem("repetitions", "With minutes set, keep repetitions at 1."));
            }
            if (holdSeconds != 0) {
                problems.add(new FieldProblem("holdSeconds", "With minutes set, keep the hold at 0."));
            }
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
        if (timed()) {
            parts.add(minutes + (minutes == 1 ? " minute" : " minutes"));
        } else if (sets > 1) {
            parts.add(sets + " sets of " + repetitions);
        } else if (repetitions > 1) {
            parts.add(repetitions + " times");
        }
        if (holdSeconds > 0 && !timed()) {
            parts.add("hold " + holdSeconds + " s");
        }
        if (parts.isEmpty()) {
            parts.add("once");
        }
        if (sides != null && sides != Sides.NONE && !timed()) {
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
