package org.homestretch.adherence;

import java.util.OptionalInt;

/**
 * Sessions done against sessions prescribed over some days. Prescribed may be a fraction (a
 * 5-days-a-week program prescribes 5/7 of a session a day); it is zero before anything was due,
 * and then there is no figure yet rather than 0 %.
 */
record Figure(double done, double prescribed) {

    static final Figure NONE = new Figure(0, 0);

    boolean defined() {
        return prescribed > 1e-9;
    }

    /** Done ÷ prescribed, capped at 1: doing more than asked never hides a gap elsewhere in the figure. */
    double ratio() {
        return defined() ? Math.min(1.0, done / prescribed) : 0;
    }

    OptionalInt percent() {
        return defined() ? OptionalInt.of((int) Math.round(ratio() * 100)) : OptionalInt.empty();
    }

    /** "86 %", or a dash when nothing was due yet. */
    String percentText() {
        return defined() ? percent().getAsInt() + " %" : "–";
    }

    /** "12 of 14 sessions", prescribed rounded to whole sessions. */
    String countText() {
        if (!defined()) {
            return "nothing due yet";
        }
        long p = Math.round(prescribed);
        return Math.round(done) + " of " + p + (p == 1 ? " session" : " sessions");
    }
}
