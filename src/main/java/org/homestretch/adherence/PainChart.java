package org.homestretch.adherence;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pain over time: each day's mean reported score (0–10) as a line with points, the "pain 7"
 * line the dashboard flags at, and a dashed marker where a new program version began.
 */
final class PainChart {

    static final float WIDTH = 600;
    static final float HEIGHT = 240;
    private static final float LEFT = 34, RIGHT = 14, TOP = 22, BOTTOM = 30;
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private PainChart() {
    }

    static Drawing build(Map<LocalDate, AdherenceRepository.Day> days, List<ProgramChange> versions, LocalDate from,
                         LocalDate to) {
        long span = Math.max(1, ChronoUnit.DAYS.between(from, to));
        float plotW = WIDTH - LEFT - RIGHT;
        float plotH = HEIGHT - TOP - BOTTOM;
        List<float[]> points = new ArrayList<>();
        List<Drawing.Dot> dots = new ArrayList<>();
        double last = -1;
        for (AdherenceRepository.Day day : days.values()) {
            if (day.meanPain() == null || day.date().isBefore(from) || day.date().isAfter(to)) {
                continue;
            }
            float x = LEFT + plotW * ChronoUnit.DAYS.between(from, day.date()) / span;
            float y = TOP + plotH * (float) (10 - day.meanPain()) / 10f;
            points.add(new float[]{x, y});
            dots.add(new Drawing.Dot(x, y, 3, day.maxPain() != null && day.maxPain() >= Reason.PAIN_HIGH
                    ? Drawing.Ink.WARN : Drawing.Ink.ACCENT,
                    TICK.format(day.date()) + ": pain " + oneDecimal(day.meanPain())));
            last = day.meanPain();
        }
        String description = points.isEmpty() ? "Pain chart: no pain scores reported in this period"
                : "Pain chart from " + TICK.format(from) + " to " + TICK.format(to) + ", " + points.size()
                + " days with a pain score, latest " + oneDecimal(last) + " out of 10";
        Drawing d = new Drawing(WIDTH, HEIGHT, description);
        for (int pain = 0; pain <= 10; pain += 2) {
            float y = TOP + plotH * (10 - pain) / 10f;
            d.add(new Drawing.Line(LEFT, y, WIDTH - RIGHT, y, Drawing.Ink.GRID, 0.75f, false));
            d.add(new Drawing.Label(LEFT - 6, y + 4, Integer.toString(pain), 12, Drawing.Anchor.END,
                    Drawing.Ink.MUTED, false));
        }
        float high = TOP + plotH * (10 - Reason.PAIN_HIGH) / 10f;
        d.add(new Drawing.Line(LEFT, high, WIDTH - RIGHT, high, Drawing.Ink.WARN, 1, true));
        d.add(new Drawing.Label(LEFT + 4, high - 4, "pain " + Reason.PAIN_HIGH, 11, Drawing.Anchor.START,
                Drawing.Ink.WARN, false));
        // Ticks every other Monday, so the axis reads like the calendar beside it.
        for (LocalDate tick = firstMonday(from); !tick.isAfter(to); tick = tick.plusWeeks(2)) {
            float x = LEFT + plotW * ChronoUnit.DAYS.between(from, tick) / span;
            d.add(new Drawing.Line(x, TOP + plotH, x, TOP + plotH + 4, Drawing.Ink.MUTED, 0.75f, false));
            d.add(new Drawing.Label(x, HEIGHT - 10, TICK.format(tick), 12, Drawing.Anchor.MIDDLE, Drawing.Ink.MUTED,
                    false));
        }
        for (ProgramChange version : versions) {
            LocalDate starts = version.prescription().starts();
            if (version.number() == 1 || starts.isBefore(from) || starts.isAfter(to)) {
                continue;
            }
            float x = LEFT + plotW * ChronoUnit.DAYS.between(from, starts) / span;
            d.add(new Drawing.Line(x, TOP - 4, x, TOP + plotH, Drawing.Ink.CHANGE, 1.25f, true));
            d.add(new Drawing.Label(x, TOP - 8, "v" + version.number(), 12, Drawing.Anchor.MIDDLE,
                    Drawing.Ink.CHANGE, true));
        }
        if (points.isEmpty()) {
            d.add(new Drawing.Label(LEFT + plotW / 2, TOP + plotH / 2, "No pain scores reported in this period", 13,
                    Drawing.Anchor.MIDDLE, Drawing.Ink.MUTED, false));
        } else {
            d.add(new Drawing.Path(points, Drawing.Ink.ACCENT, 2));
            dots.forEach(d::add);
        }
        return d;
    }

    private static LocalDate firstMonday(LocalDate from) {
        LocalDate day = from;
        while (day.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value).replace(".0", "");
    }
}
