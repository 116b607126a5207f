package org.homestretch.adherence;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The adherence formula of docs/ADHERENCE.md, for one patient, over per-day counts of done
 * sessions (never the check-ins themselves). The dashboard's SQL computes the same figures for
 * many patients at once; {@code AdherenceQueriesTest} holds the two to the same answers.
 *
 * <ul>
 *   <li>Each clinic-local day is governed by the latest version published on or before it.</li>
 *   <li>A day prescribes that version's sessions per week ÷ 7, and counts at most its sessions per
 *       day as done (three sessions on Monday don't make up for none on Tuesday).</li>
 *   <li>Today, still under way, and the program's first day, which began whenever the therapist
 *       published it, prescribe no more than was done on them: they can raise a figure, never
 *       lower it.</li>
 * </ul>
 */
final class AdherenceFormula {

    private AdherenceFormula() {
    }

    /**
     * Sessions done and prescribed from {@code from} to {@code today}, both included, clipped to
     * the day the program began. {@code prescriptions} may come in any order.
     */
    static Figure figure(List<Prescription> prescriptions, Map<LocalDate, Integer> doneByDay, LocalDate from,
                         LocalDate today) {
        if (prescriptions.isEmpty()) {
            return Figure.NONE;
        }
        List<Prescription> ordered = prescriptions.stream()
                .sorted(Comparator.comparing(Prescription::versionNumber)).toList();
        LocalDate began = ordered.getFirst().starts();
        double done = 0;
        double prescribed = 0;
        for (LocalDate day = from.isBefore(began) ? began : from; !day.isAfter(today); day = day.plusDays(1)) {
            Prescription p = inForce(ordered, day);
            int counted = Math.min(doneByDay.getOrDefault(day, 0), p.sessionsPerDay());
            double due = p.perDay();
            if (day.equals(today) || day.equals(began)) {
                due = Math.min(due, counted);
            }
            done += counted;
            prescribed += due;
        }
        return new Figure(done, prescribed);
    }

    /** The latest version published on or before the day; null before the program began. */
    static Prescription inForce(List<Prescription> byNumber, LocalDate day) {
        Prescription found = null;
        for (Prescription p : byNumber) {
            if (!p.starts().isAfter(day)) {
                found = p;
            }
        }
        return found;
    }
}
