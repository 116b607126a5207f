package org.homestretch.checkin;

import org.homestretch.base.FieldProblem;
import org.homestretch.base.UserText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a patient (or a therapist copying the paper log) says about one session. The key makes
 * a resend of the same form the same check-in.
 *
 * @param exercisesDone positions of the exercises ticked; none ticked on a done session means all were done
 */
public record CheckinEntry(UUID key, LocalDate date, int session, boolean done, Set<Integer> exercisesDone,
                           Integer pain, Difficulty difficulty, Set<Symptom> symptoms, SkipReason skipReason,
                           String comment) {

    public static final int COMMENT_MAX = 500;

    public CheckinEntry {
        exercisesDone = exercisesDone == null ? Set.of() : Set.copyOf(exercisesDone);
        symptoms = symptoms == null ? Set.of() : Set.copyOf(symptoms);
        comment = UserText.strip(comment);
    }

    /** Problems with the entry itself; date and session limits depend on the program and are checked by the service. */
    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (key == null) {
            problems.add(new FieldProblem(null, "Something went wrong with this form. Please reload the page."));
        }
        if (date == null) {
            problems.add(new FieldProblem("date", "Choose the day."));
        }
        if (pain != null && (pain < 0 || pain > 10)) {
            problems.add(new FieldProblem("pain", "Pain is a number from 0 to 10."));
        }
        if (comment.length() > COMMENT_MAX) {
            problems.add(new FieldProblem("comment", "Please keep the note to " + COMMENT_MAX + " characters or fewer (now "
                    + comment.length() + ")."));
        }
        UserText.check(problems, "comment", comment);
        if (!done && skipReason == null) {
            problems.add(new FieldProblem("skipReason", "Please choose why the session was not done."));
        }
        return problems;
    }

    boolean redFlag() {
        return !symptoms.isEmpty();
    }
}
