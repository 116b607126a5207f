package org.homestretch.adherence;

import org.homestretch.base.DateStyle;
import org.homestretch.outcome.Measure;
import org.homestretch.outcome.OutcomeScore;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One outcome measure's scores for the progress report, drawn like the page's chart
 * (outcome/OutcomeChart): the scores as a line with points, the baseline grey dashed, and a
 * green dashed line where a clinically important improvement begins, both named in a key above.
 */
final class OutcomeDrawing {

    static final float WIDTH = 600, HEIGHT = 200;
    private static final float LEFT = 34, RIGHT = 14, TOP = 34, BOTTOM = 28;
    static final Drawing.Ink TARGET = new Drawing.Ink(0x2e7d32);

    private OutcomeDrawing() {
    }

    /** {@code history} is baseline first and not empty. */
    static Drawing build(Measure measure, List<OutcomeScore> history, DateStyle style) {
        OutcomeScore baseline = history.getFirst();
        LocalDate from = baseline.takenOn();
        LocalDate to = history.getLast().takenOn();
        long span = ChronoUnit.DAYS.between(from, to);
        float plotW = WIDTH - LEFT - RIGHT;
        Drawing d = new Drawing(WIDTH, HEIGHT, measure.name() + ": " + history.size() + " scores from "
                + style.mediumDate(from) + " to " + style.mediumDate(to) + ", latest "
                + number(history.getLast().score()) + " out of " + measure.maxScore());
        for (int v = measure.minScore(); v <= measure.maxScore(); v += 2) {
            float y = y(measure, v);
            d.add(new Drawing.Line(LEFT, y, WIDTH - RIGHT, y, Drawing.Ink.GRID, 0.75f, false));
            d.add(new Drawing.Label(LEFT - 6, y + 4, Integer.toString(v), 12, Drawing.Anchor.END, Drawing.Ink.MUTED,
                    false));
        }
        float base = y(measure, baseline.score());
        d.add(new Drawing.Line(LEFT, base, WIDTH - RIGHT, base, Drawing.Ink.MUTED, 1.25f, true));
        d.add(new Drawing.Line(LEFT, 12, LEFT + 24, 12, Drawing.Ink.MUTED, 1.25f, true));
        d.add(new Drawing.Label(LEFT + 30, 16, "baseline " + number(baseline.score()), 12, Drawing.Anchor.START,
                Drawing.Ink.MUTED, false));
        measure.importantTarget(baseline.score()).ifPresent(target -> {
            float y = y(measure, target);
            d.add(new Drawing.Line(LEFT, y, WIDTH - RIGHT, y, TARGET, 1.25f, true));
            d.add(new Drawing.Line(LEFT + 150, 12, LEFT + 174, 12, TARGET, 1.25f, true));
            d.add(new Drawing.Label(LEFT + 180, 16, "clinically important change (" + number(target) + ")", 12,
                    Drawing.Anchor.START, TARGET, false));
        });
        d.add(new Drawing.Label(LEFT, HEIGHT - 8, style.mediumDate(from), 12, Drawing.Anchor.START, Drawing.Ink.MUTED,
                false));
        if (span > 0) {
            d.add(new Drawing.Label(WIDTH - RIGHT, HEIGHT - 8, style.mediumDate(to), 12, Drawing.Anchor.END,
                    Drawing.Ink.MUTED, false));
        }
        List<float[]> points = new ArrayList<>();
        List<Drawing.Dot> dots = new ArrayList<>();
        for (OutcomeScore s : history) {
            float x = span == 0 ? LEFT + plotW / 2 : LEFT + plotW * ChronoUnit.DAYS.between(from, s.takenOn()) / span;
            float y = y(measure, s.score());
            points.add(new float[]{x, y});
            dots.add(new Drawing.Dot(x, y, 4, Drawing.Ink.ACCENT, style.mediumDate(s.takenOn()) + ": "
                    + number(s.score())));
        }
        d.add(new Drawing.Path(points, Drawing.Ink.ACCENT, 2));
        dots.forEach(d::add);
        return d;
    }

    private static float y(Measure m, double value) {
        float plotH = HEIGHT - TOP - BOTTOM;
        return TOP + plotH * (float) ((m.maxScore() - value) / (m.maxScore() - m.minScore()));
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
