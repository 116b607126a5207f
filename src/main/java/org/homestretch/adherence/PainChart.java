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
        // Ticks on Mondays (every week or every other) for long periods, so the axis reads like the
        // calendar beside it; every day or every other day for a program only days old.
        int step = tickStep(span, plotW);
        for (LocalDate tick = step >= 7 ? firstMonday(from) : from; !tick.isAfter(to); tick = tick.plusDays(step)) {
            float x = LEFT + plotW * ChronoUnit.DAYS.between(from, tick) / span;
            d.add(new Drawing.Line(x, TOP + plotH, x, TOP + plotH + 4, Drawing.Ink.MUTED, 0.75f, false));
            d.add(Drawing.Label.centredWithin(x, HEIGHT - 10, TICK.format(tick), 12, Drawing.Ink.MUTED, false, 0,
                    WIDTH));
        }
        List<float[]> markers = new ArrayList<>(); // {x, version number}
        for (ProgramChange version : versions) {
            LocalDate starts = version.prescription().starts();
            if (version.number() == 1 || starts.isBefore(from) || starts.isAfter(to)) {
                continue;
            }
            float x = LEFT + plotW * ChronoUnit.DAYS.between(from, starts) / span;
            d.add(new Drawing.Line(x, TOP - 4, x, TOP + plotH, Drawing.Ink.CHANGE, 1.25f, true));
            markers.add(new float[]{x, version.number()});
        }
        versionLabels(markers).forEach(d::add);
        if (points.isEmpty()) {
            d.add(new Drawing.Label(LEFT + plotW / 2, TOP + plotH / 2, "No pain scores reported in this period", 13,
                    Drawing.Anchor.MIDDLE, Drawing.Ink.MUTED, false));
        } else {
            d.add(new Drawing.Path(points, Drawing.Ink.ACCENT, 2));
            dots.forEach(d::add);
        }
        return d;
    }

    /** Days between ticks: the shortest of 1, 2, 7, 14 or 28 that leaves room for a "30 Nov" between them. */
    static int tickStep(long span, float plotWidth) {
        float perDay = plotWidth / span;
        float room = Drawing.Label.estimatedWidth("30 Nov", 12, false) + 16;
        for (int step : new int[]{1, 2, 7, 14}) {
            if (step * perDay >= room) {
                return step;
            }
        }
        return 28;
    }

    /**
     * One label per version marker ("v2"), except that markers whose labels would touch share
     * one ("v2, v3"; "v2–v5" for a run), centred over them and kept inside the chart.
     * {@code markers} holds {x, version number}, in order of version.
     */
    static List<Drawing.Label> versionLabels(List<float[]> markers) {
        List<List<float[]>> groups = new ArrayList<>();
        markers.stream().sorted(java.util.Comparator.comparingDouble(m -> m[0]))
                .forEach(m -> groups.add(new ArrayList<>(List.of(m))));
        boolean merged = true;
        while (merged) {
            merged = false;
            for (int i = 0; i + 1 < groups.size(); i++) {
                if (versionLabel(groups.get(i)).overlaps(versionLabel(groups.get(i + 1)), 4)) {
                    groups.get(i).addAll(groups.remove(i + 1));
                    merged = true;
                    break;
                }
            }
        }
        return groups.stream().map(PainChart::versionLabel).toList();
    }

    private static Drawing.Label versionLabel(List<float[]> group) {
        List<Integer> numbers = group.stream().map(m -> (int) m[1]).sorted().toList();
        float x = (float) group.stream().mapToDouble(m -> m[0]).average().orElse(LEFT);
        // From the plot's left edge: the axis's "10" sits just left of it, a little lower.
        return Drawing.Label.centredWithin(x, TOP - 8, versionText(numbers), 12, Drawing.Ink.CHANGE, true, LEFT,
                WIDTH);
    }

    /** "v2", "v2, v3", or "v2–v5" when three or more follow each other. */
    static String versionText(List<Integer> numbers) {
        boolean run = numbers.size() >= 3 && numbers.getLast() - numbers.getFirst() == numbers.size() - 1;
        if (run) {
            return "v" + numbers.getFirst() + "\u2013v" + numbers.getLast();
        }
        return String.join(", ", numbers.stream().map(n -> "v" + n).toList());
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
