package org.homestretch.adherence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Up to twelve weeks at a glance, one column per week (Monday on top), one square per day:
 * filled when every session of the day was done, lighter when some were, grey when none; a red
 * dot marks a day with a warning symptom. It starts with the week the program began, when that is
 * less than twelve weeks ago, so a new patient's calendar is not mostly empty; a line under it
 * says when the program began. Days before that and after today stay empty.
 */
final class CalendarChart {

    static final int WEEKS = 12;
    private static final float CELL = 34, GAP = 4, LEFT = 40, TOP = 24;
    /** The width of twelve weeks: the report draws every calendar at the scale that fits this one. */
    static final float FULL_WIDTH = LEFT + WEEKS * (CELL + GAP);
    /** Wide enough for the legend, however few weeks are shown. */
    private static final float MIN_WIDTH = 400;
    private static final DateTimeFormatter HEAD = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TITLE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter BEGAN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private CalendarChart() {
    }

    /** The Monday that starts the longest calendar (twelve weeks) ending with the week of {@code today}. */
    static LocalDate firstDay(LocalDate today) {
        return today.with(DayOfWeek.MONDAY).minusWeeks(WEEKS - 1);
    }

    /** Weeks shown: from the week the program began (or twelve weeks back, if longer ago) to this week. */
    static int weeks(LocalDate began, LocalDate today) {
        if (began == null || began.isAfter(today)) {
            return 1;
        }
        long weeks = ChronoUnit.WEEKS.between(began.with(DayOfWeek.MONDAY), today.with(DayOfWeek.MONDAY)) + 1;
        return (int) Math.min(WEEKS, weeks);
    }

    /** "Sessions, last 12 weeks", or "Sessions since the program began" when that was less than twelve weeks ago. */
    static String heading(String what, LocalDate began, LocalDate today) {
        return what + (weeks(began, today) < WEEKS ? " since the program began" : ", last " + WEEKS + " weeks");
    }

    static Drawing build(Map<LocalDate, AdherenceRepository.Day> days, List<ProgramChange> versions,
                         LocalDate today) {
        List<Prescription> prescriptions = versions.stream().map(ProgramChange::prescription)
                .sorted(java.util.Comparator.comparing(Prescription::versionNumber)).toList();
        LocalDate began = prescriptions.stream().map(Prescription::starts).min(LocalDate::compareTo).orElse(null);
        int weeks = weeks(began, today);
        LocalDate first = today.with(DayOfWeek.MONDAY).minusWeeks(weeks - 1);
        float legend = TOP + 7 * (CELL + GAP) + 12;
        float height = legend + (began == null ? 14 : 34);
        int full = 0, some = 0, none = 0;
        // A little room on the right: a week's date above the last column may be wider than the column.
        Drawing d = new Drawing(Math.max(MIN_WIDTH, LEFT + weeks * (CELL + GAP) + 10), height, "");
        for (int row = 0; row < 7; row++) {
            String name = DayOfWeek.of(row + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            d.add(new Drawing.Label(LEFT - 8, TOP + row * (CELL + GAP) + CELL / 2 + 4, name, 11,
                    Drawing.Anchor.END, Drawing.Ink.MUTED, false));
        }
        for (int week = 0; week < weeks; week++) {
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
        legend(d, LEFT, legend, Drawing.Ink.ACCENT, "all done");
        legend(d, LEFT + 90, legend, Drawing.Ink.LIGHT, "some");
        legend(d, LEFT + 165, legend, Drawing.Ink.EMPTY, "none");
        d.add(new Drawing.Dot(LEFT + 245, legend, 4, Drawing.Ink.WARN, null));
        d.add(new Drawing.Label(LEFT + 254, legend + 4, "warning symptom", 11, Drawing.Anchor.START,
                Drawing.Ink.MUTED, false));
        if (began != null) {
            d.add(new Drawing.Label(LEFT, legend + 26, "Program began " + BEGAN.format(began), 11,
                    Drawing.Anchor.START, Drawing.Ink.TEXT, false));
        }
        String shown = weeks < WEEKS ? "since the program began" : "of the last " + WEEKS + " weeks";
        return withDescription(d, "Calendar " + shown + ": " + full + " days with every session done, "
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
