package org.homestretch.outcome;

import org.homestretch.base.DateStyle;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The latest score compared with the baseline, in words for the therapist:
 * "Better by 2.7 points since 1 Oct 2026 (clinically important)". See docs/OUTCOMES.md.
 */
public final class Change {

    private Change() {
    }

    public static String describe(Measure measure, double baseline, LocalDate baselineDay, double latest,
                                  DateStyle style) {
        String since = " since " + style.mediumDate(baselineDay);
        double points = Math.round(Math.abs(latest - baseline) * 10) / 10.0;
        if (points == 0) {
            return "No change" + since;
        }
        String amount = String.format(Locale.ROOT, "%.1f", points) + (points == 1.0 ? " point" : " points");
        return (measure.better(baseline, latest) ? "Better" : "Worse") + " by " + amount + since
                + (measure.important(baseline, latest) ? " (clinically important)"
                : " (not yet a clinically important change)");
    }

    /** The sentence under a measure's chart; {@code history} is in the order taken, baseline first. */
    public static String describe(java.util.List<OutcomeScore> history, DateStyle style) {
        if (history.isEmpty()) {
            return "No score yet.";
        }
        OutcomeScore first = history.getFirst();
        if (history.size() == 1) {
            return "Baseline " + number(first.score()) + " on " + style.mediumDate(first.takenOn())
                    + "; no later score yet.";
        }
        OutcomeScore last = history.getLast();
        return describe(first.measure(), first.score(), first.takenOn(), last.score(), style);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
