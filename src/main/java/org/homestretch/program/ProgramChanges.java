package org.homestretch.program;

import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.ExerciseId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes what changed between two versions of a program in words a therapist reads at a
 * glance: "Knee to chest: hold 10 → 30 s", "Added: Bridge", "Removed: Plank".
 */
public final class ProgramChanges {

    private ProgramChanges() {
    }

    public static List<String> between(List<ProgramItem> before, List<ProgramItem> after) {
        List<String> changes = new ArrayList<>();
        // Pair items by exercise, in order, so the same exercise twice pairs first with first.
        Map<ExerciseId, List<ProgramItem>> unmatched = new HashMap<>();
        for (ProgramItem item : before) {
            unmatched.computeIfAbsent(item.exerciseId(), k -> new ArrayList<>()).add(item);
        }
        List<ExerciseId> keptOrderBefore = new ArrayList<>();
        List<ExerciseId> keptOrderAfter = new ArrayList<>();
        for (ProgramItem item : after) {
            List<ProgramItem> candidates = unmatched.get(item.exerciseId());
            if (candidates == null || candidates.isEmpty()) {
                changes.add("Added: " + item.exerciseName());
                continue;
            }
            ProgramItem old = candidates.removeFirst();
            keptOrderAfter.add(item.exerciseId());
            describe(old, item, changes);
        }
        for (ProgramItem item : before) {
            List<ProgramItem> left = unmatched.get(item.exerciseId());
            if (left.contains(item)) {
                left.remove(item);
                changes.add("Removed: " + item.exerciseName());
            } else {
                keptOrderBefore.add(item.exerciseId());
            }
        }
        if (!keptOrderBefore.equals(keptOrderAfter)) {
            changes.add("Order changed");
        }
        return changes;
    }

    private static void describe(ProgramItem old, ProgramItem now, List<String> changes) {
        Dosage a = old.dosage();
        Dosage b = now.dosage();
        List<String> parts = new ArrayList<>();
        change(parts, "sets", a.sets(), b.sets(), "");
        change(parts, "repetitions", a.repetitions(), b.repetitions(), "");
        change(parts, "hold", a.holdSeconds(), b.holdSeconds(), " s");
        change(parts, "minutes", a.minutes(), b.minutes(), "");
        if (a.sides() != b.sides()) {
            parts.add("sides " + a.sides().label().toLowerCase() + " → " + b.sides().label().toLowerCase());
        }
        change(parts, "times a day", a.timesPerDay(), b.timesPerDay(), "");
        change(parts, "days a week", a.daysPerWeek(), b.daysPerWeek(), "");
        if (!old.note().equals(now.note())) {
            parts.add(now.note().isEmpty() ? "note removed" : old.note().isEmpty() ? "note added" : "note changed");
        }
        if (!parts.isEmpty()) {
            changes.add(now.exerciseName() + ": " + String.join(", ", parts));
        }
    }

    private static void change(List<String> parts, String label, int from, int to, String unit) {
        if (from != to) {
            parts.add(label + " " + from + " → " + to + unit);
        }
    }
}
