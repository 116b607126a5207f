package org.homestretch.program;

import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;

import java.time.Duration;
import java.util.List;

/**
 * Estimated time for one session of a program, from the dosage alone:
 * <pre>
 *   per exercise = 15 s to get into position
 *                + sets × sides × repetitions × (hold + 4 s to move)
 *                + (sets − 1) × 20 s rest between sets
 *   sides        = 2 for "each side", otherwise 1
 * </pre>
 * A timed activity (walking) takes its minutes plus the 15 s to get going.
 * A session is the sum over exercises. The figure guides the therapist; it is not a
 * measurement. See docs/PROGRAMS.md.
 */
public final class SessionTime {

    static final int SETUP_SECONDS = 15;
    static final int MOVE_SECONDS = 4;
    static final int REST_BETWEEN_SETS_SECONDS = 20;
    /** Above these, the editor suggests trimming: fewer exercises are done more faithfully. */
    public static final Duration GENTLE_LIMIT = Duration.ofMinutes(20);
    public static final int GENTLE_EXERCISE_LIMIT = 6;

    private SessionTime() {
    }

    public static Duration of(Dosage d) {
        if (d.timed()) {
            return Duration.ofSeconds(SETUP_SECONDS + 60L * d.minutes());
        }
        int sides = d.sides() == Sides.EACH_SIDE ? 2 : 1;
        long seconds = SETUP_SECONDS
                + (long) d.sets() * sides * d.repetitions() * (d.holdSeconds() + MOVE_SECONDS)
                + (long) (d.sets() - 1) * REST_BETWEEN_SETS_SECONDS;
        return Duration.ofSeconds(seconds);
    }

    public static Duration of(List<ProgramItem> items) {
        return items.stream().map(i -> of(i.dosage())).reduce(Duration.ZERO, Duration::plus);
    }

    /** "About 12 minutes", rounded up to whole minutes. */
    public static String describe(Duration d) {
        long minutes = Math.max(1, (d.getSeconds() + 59) / 60);
        return "About " + minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
