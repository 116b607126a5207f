package org.homestretch.outcome;

import org.homestretch.base.DateStyle;
import org.homestretch.base.XmlText;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * One measure's scores over time as an inline SVG: the scores as a line with points, the
 * baseline as a grey dashed line, and a green dashed line where a clinically important
 * improvement begins. Small and separate from the adherence charts so that this feature does
 * not depend on adherence (which shows it).
 */
final class OutcomeChart {

    static final float WIDTH = 600, HEIGHT = 200;
    private static final float LEFT = 34, RIGHT = 14, TOP = 34, BOTTOM = 28;
    private static final String TEXT = "#1f2933", MUTED = "#5f6b76", GRID = "#d5dbe0", ACCENT = "#1f6f8b",
            TARGET = "#2e7d32";

    private OutcomeChart() {
    }

    /** {@code history} is baseline first and not empty. */
    static String svg(Measure measure, List<OutcomeScore> history, DateStyle style) {
        OutcomeScore baseline = history.getFirst();
        LocalDate from = baseline.takenOn();
        LocalDate to = history.getLast().takenOn();
        long span = ChronoUnit.DAYS.between(from, to);
        float plotW = WIDTH - LEFT - RIGHT, plotH = HEIGHT - TOP - BOTTOM;
        String description = measure.name() + ": " + history.size() + " scores from " + style.mediumDate(from)
                + " to " + style.mediumDate(to) + ", latest " + Change.number(history.getLast().score()) + " out of "
                + measure.maxScore() + ", " + (measure.higherIsBetter() ? "higher" : "lower") + " is better";
        StringBuilder out = new StringBuilder(2048);
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"hs-chart\" viewBox=\"0 0 ")
                .append(n(WIDTH)).append(' ').append(n(HEIGHT))
                .append("\" style=\"width:100%;height:auto;max-width:").append(n(WIDTH)).append("px\" aria-label=\"")
                .append(XmlText.escape(description)).append("\" font-family=\"inherit\"><title>")
                .append(XmlText.escape(description)).append("</title>");
        for (int v = measure.minScore(); v <= measure.maxScore(); v += 2) {
            float y = y(measure, v);
            line(out, LEFT, y, WIDTH - RIGHT, y, GRID, 0.75f, false);
            text(out, LEFT - 6, y + 4, Integer.toString(v), "end", MUTED, false);
        }
        // The two reference lines are named in a key above the plot, where no score can hide them.
        float base = y(measure, baseline.score());
        line(out, LEFT, base, WIDTH - RIGHT, base, MUTED, 1.25f, true);
        line(out, LEFT, 12, LEFT + 24, 12, MUTED, 1.25f, true);
        text(out, LEFT + 30, 16, "baseline " + Change.number(baseline.score()), "start", MUTED, false);
        measure.importantTarget(baseline.score()).ifPresent(target -> {
            float y = y(measure, target);
            line(out, LEFT, y, WIDTH - RIGHT, y, TARGET, 1.25f, true);
            line(out, LEFT + 150, 12, LEFT + 174, 12, TARGET, 1.25f, true);
            text(out, LEFT + 180, 16, "clinically important change (" + Change.number(target) + ")", "start",
                    TARGET, false);
        });
        text(out, LEFT, HEIGHT - 8, style.mediumDate(from), "start", MUTED, false);
        if (span > 0) {
            text(out, WIDTH - RIGHT, HEIGHT - 8, style.mediumDate(to), "end", MUTED, false);
        }
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (OutcomeScore s : history) {
            float x = span == 0 ? LEFT + plotW / 2 : LEFT + plotW * ChronoUnit.DAYS.between(from, s.takenOn()) / span;
            float y = y(measure, s.score());
            points.append(n(x)).append(',').append(n(y)).append(' ');
            dots.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"4\" fill=\"")
                    .append(ACCENT).append("\"><title>").append(XmlText.escape(style.mediumDate(s.takenOn()) + ": "
                            + Change.number(s.score()))).append("</title></circle>");
        }
        out.append("<polyline fill=\"none\" stroke=\"").append(ACCENT)
                .append("\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"").append(points).append("\"/>");
        return out.append(dots).append("</svg>").toString();
    }

    private static float y(Measure m, double value) {
        float plotH = HEIGHT - TOP - BOTTOM;
        return TOP + plotH * (float) ((m.maxScore() - value) / (m.maxScore() - m.minScore()));
    }

    private static void line(StringBuilder out, float x1, float y1, float x2, float y2, String ink, float width,
                             boolean dashed) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(ink).append("\" stroke-width=\"")
                .append(n(width)).append(dashed ? "\" stroke-dasharray=\"5 4" : "").append("\"/>");
    }

    private static void text(StringBuilder out, float x, float y, String text, String anchor, String ink,
                             boolean bold) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"12\" fill=\"")
                .append(ink).append("\" text-anchor=\"").append(anchor).append(bold ? "\" font-weight=\"bold" : "")
                .append("\">").append(XmlText.escape(text)).append("</text>");
    }

    private static String n(float value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
