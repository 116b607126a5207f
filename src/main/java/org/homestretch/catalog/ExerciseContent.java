package org.homestretch.catalog;

import org.homestretch.base.FieldProblem;
import org.homestretch.base.UserText;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a therapist can write about an exercise. Built-in exercises load the same shape
 * from {@code catalog/builtin-exercises.json}; custom ones come from the editor or an import.
 */
public record ExerciseContent(
        String name,
        List<String> aliases,
        String purpose,
        Position position,
        Set<BodyArea> bodyAreas,
        Set<Equipment> equipment,
        boolean inBed,
        BestTime bestTime,
        List<String> steps,
        List<String> tips,
        List<String> stopIf,
        Dosage dosage) {

    public static final int NAME_MIN = 3, NAME_MAX = 120;
    public static final int STEPS_MIN = 1, STEPS_MAX = 15, STEP_MAX_LENGTH = 300;
    public static final int PURPOSE_MAX = 300, NOTE_LINES_MAX = 10, ALIASES_MAX = 20, ALIAS_MAX_LENGTH = 60;

    public ExerciseContent {
        name = UserText.strip(name);
        purpose = UserText.strip(purpose);
        aliases = cleanLines(aliases);
        steps = cleanLines(steps);
        tips = cleanLines(tips);
        stopIf = cleanLines(stopIf);
        bodyAreas = bodyAreas == null || bodyAreas.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(bodyAreas));
        equipment = equipment == null || equipment.isEmpty() ? Set.of(Equipment.NONE) : Set.copyOf(equipment);
    }

    /** Blank lines are dropped and the rest trimmed, so "nothing lost" never means "junk kept". */
    public static List<String> cleanLines(List<String> lines) {
        if (lines == null) {
            return List.of();
        }
        return lines.stream().map(UserText::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Every broken rule, each tied to its form field. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (name.length() < NAME_MIN || name.length() > NAME_MAX) {
            problems.add(new FieldProblem("name", "Use " + NAME_MIN + " to " + NAME_MAX + " characters."));
        }
        if (purpose.length() > PURPOSE_MAX) {
            problems.add(new FieldProblem("purpose", "Use at most " + PURPOSE_MAX + " characters."));
        }
        if (position == null) {
            problems.add(new FieldProblem("position", "Choose the starting position."));
        }
        if (bodyAreas.isEmpty()) {
            problems.add(new FieldProblem("bodyAreas", "Choose at least one body area."));
        }
        if (bestTime == null) {
            problems.add(new FieldProblem("bestTime", "Choose when it is best done."));
        }
        if (steps.size() < STEPS_MIN || steps.size() > STEPS_MAX) {
            problems.add(new FieldProblem("steps", "Write " + STEPS_MIN + " to " + STEPS_MAX + " steps, one per line."));
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).length() > STEP_MAX_LENGTH) {
                problems.add(new FieldProblem("steps", "Step " + (i + 1) + " is " + steps.get(i).length()
                        + " characters long. Keep each step to " + STEP_MAX_LENGTH + " or fewer."));
            }
        }
        if (aliases.size() > ALIASES_MAX || aliases.stream().anyMatch(a -> a.length() > ALIAS_MAX_LENGTH)) {
            problems.add(new FieldProblem("aliases", "Use at most " + ALIASES_MAX + " other names of up to "
                    + ALIAS_MAX_LENGTH + " characters each."));
        }
        checkNotes(problems, "tips", tips);
        checkNotes(problems, "stopIf", stopIf);
        UserText.check(problems, "name", name);
        UserText.check(problems, "purpose", purpose);
        for (String field : List.of("aliases", "steps", "tips", "stopIf")) {
            UserText.check(lines(field)).ifPresent(message -> problems.add(new FieldProblem(field, message)));
        }
        if (dosage == null) {
            problems.add(new FieldProblem("dosage", "Set the default dosage."));
        } else {
            problems.addAll(dosage.problems());
        }
        return problems;
    }

    private List<String> lines(String field) {
        return switch (field) {
            case "aliases" -> aliases;
            case "steps" -> steps;
            case "tips" -> tips;
            default -> stopIf;
        };
    }

    private static void checkNotes(List<FieldProblem> problems, String field, List<String> lines) {
        if (lines.size() > NOTE_LINES_MAX || lines.stream().anyMatch(l -> l.length() > STEP_MAX_LENGTH)) {
            problems.add(new FieldProblem(field, "Use at most " + NOTE_LINES_MAX + " lines of up to "
                    + STEP_MAX_LENGTH + " characters each."));
        }
    }
}
