package org.homestretch.program;

import org.homestretch.base.FieldProblem;
import org.homestretch.base.UserText;
import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.ExerciseId;

import java.util.ArrayList;
import java.util.List;

/**
 * One exercise in a program with the dosage prescribed to this patient. The exercise's name is
 * carried along for display and for describing changes.
 */
public record ProgramItem(ExerciseId exerciseId, String exerciseName, Dosage dosage, String note) {

    public static final int NOTE_MAX = 500;

    public ProgramItem {
        note = UserText.strip(note);
    }

    public ProgramItem withDosage(Dosage newDosage) {
        return new ProgramItem(exerciseId, exerciseName, newDosage, note);
    }

    public ProgramItem withNote(String newNote) {
        return new ProgramItem(exerciseId, exerciseName, dosage, newNote);
    }

    /** Problems named "items[i].field", so the editor can show each next to its field. */
    List<FieldProblem> problems(int index) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldProblem p : dosage.problems()) {
            problems.add(new FieldProblem("items[" + index + "]." + p.field(), p.message()));
        }
        if (note.length() > NOTE_MAX) {
            problems.add(new FieldProblem("items[" + index + "].note", "Use at most " + NOTE_MAX + " characters."));
        }
        UserText.check(note).ifPresent(message -> problems.add(new FieldProblem("items[" + index + "].note", message)));
        return problems;
    }
}
