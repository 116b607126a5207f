package org.homestretch.adherence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Twelve weeks at a glance, one column per week (Monday on top), one square per day: filled
 * when every session of the day was done, lighter when some were, grey when none; a red dot
 * marks a day with a warning symptom. Days before the program began and after today stay empty.
 */
final class CalendarChart {

    static final int WEEKS = 12;
    private static final float CELL = 34, GAP = 4, LEFT = 40, TOP = 24;
    static final float WIDTH = LEFT + WEEKS * (CELL + GAP);
    static final float HEIGHT = TOP + 7 * (CELL + GAP) + 26;
    private static final DateTimeFormatter HEAD = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TITLE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private CalendarChart() {
    }

    /** The Monday that starts the calendar ending with the week of {@code today}. */
    static LocalDate firstDay(LocalDate today) {
        return today.with(DayOfWeek.MONDAY).minusWeeks(WEEKS - 1);
    }

    static Drawing build(Map<LocalDate, AdherenceRepository.Day> days, List<ProgramChange> versions,
                         LocalDate today) {
        LocalDate first = firstDay(today);
        List<Prescription> prescriptions = versions.stream().map(ProgramChange::prescription)
                .sorted(java.util.Comparator.comparing(Prescription::versionNumber)).toList();
        int full = 0, some = 0, none = 0;
        Drawing d = new Drawing(WIDTH, HEIGHT, "");
        for (int row = 0; row < 7; row++) {
            String name = DayOfWeek.of(row + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            d.add(new Drawing.Label(LEFT - 8, TOP + row * (CELL + GAP) + CELL / 2 + 4, name, 11,
                    Drawing.Anchor.END, Drawing.Ink.MUTED, false));
        }
        for (int week = 0; week < WEEKS; week++) {
            float x = LEFT + week * (CELL + GAP);
            if (week % 2 == 0) {
                d.add(new Drawing.Label(x, TOP - 8, HEAD.format(first.plusWeeks(week)), 10, Drawing.Anchor.START,
                        Drawing.Ink.MUTED, false));
            }
            for (int row = 0; row < 7; row++) {
                LocalDate date = first.plusWeeks(week).plusDays(row);
                float y = TOP + row * (CELL + GAP);
                Prescription p = prescriptions.isEmpty() ? null : AdherenceFormula.inForce(prescriptions, date);
                if (p == null || date.isAfter(today)) {
                    d.add(new Drawing.Box(x, y, CELL, CELL, null, Drawing.Ink.GRID, null));
                    continue;
                }
                AdherenceRepository.Day day = days.get(date);
                int done = day == null ? 0 : Math.min(day.done(), p.sessionsPerDay());
                Drawing.Ink fill;
                Drawing.Ink text;
                if (done >= p.sessionsPerDay()) {
                    fill = Drawing.Ink.ACCENT;
                    text = Drawing.Ink.WHITE;
                    full++;
                } else if (done > 0) {
                    fill = Drawing.Ink.LIGHT;
                    text = Drawing.Ink.TEXT;
                    some++;
                } else {
                    fill = Drawing.Ink.EMPTY;
                    text = Drawing.Ink.MUTED;
                    none++;
                }
                String title = TITLE.format(date) + ": " + done + " of " + p.sessionsPerDay() + " done"
                        + (day != null && day.skipped() > 0 ? ", " + day.skipped() + " skipped" : "")
                        + (day != null && day.redFlag() ? ", warning symptom" : "");
                d.add(new Drawing.Box(x, y, CELL, CELL, fill, date.equals(today) ? Drawing.Ink.TEXT : null, title));
                d.add(new Drawing.Label(x + CELL / 2, y + CELL / 2 + 4, done + "/" + p.sessionsPerDay(), 11,
                        Drawing.Anchor.MIDDLE, text, false));
                if (day != null && day.redFlag()) {
                    d.add(new Drawing.Dot(x + CELL - 6, y + 6, 4, Drawing.Ink.WARN, null));
                }
            }
        }
        float legend = TOP + 7 * (CELL + GAP) + 12;
        legend(d, LEFT, legend, Drawing.Ink.ACCENT, "all done");
        legend(d, LEFT + 90, legend, Drawing.Ink.LIGHT, "some");
        legend(d, LEFT + 165, legend, Drawing.Ink.EMPTY, "none");
        d.add(new Drawing.Dot(LEFT + 245, legend, 4, Drawing.Ink.WARN, null));
        d.add(new Drawing.Label(LEFT + 254, legend + 4, "warning symptom", 11, Drawing.Anchor.START,
                Drawing.Ink.MUTED, false));
        return withDescription(d, "Calendar of the last " + WEEKS + " weeks: " + full + " days with every session done, "
                + some + " with some, " + none + " with none");
    }

    private static void legend(Drawing d, float x, float y, Drawing.Ink ink, String text) {
        d.add(new Drawing.Box(x, y - 6, 12, 12, ink, null, null));
        d.add(new Drawing.Label(x + 17, y + 4, text, 11, Drawing.Anchor.START, Drawing.Ink.MUTED, false));
    }

    private static Drawing withDescription(Drawing d, String description) {
        Drawing described = new Drawing(d.width, d.height, description);
        described.shapes.addAll(d.shapes);
        return described;
    }
}
