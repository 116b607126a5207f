package org.homestretch.outcome;

import org.homestretch.base.FieldProblem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A score as typed: up to {@link Measure#maxItems} rows of label and score, any of them empty.
 * Rows left wholly empty are not items; {@link #problems} names each field that is wrong
 * ("takenOn", "label0", "score0", ...) so the form can show the message next to it.
 */
public record OutcomeEntry(Measure measure, LocalDate takenOn, List<String> labels, List<Integer> scores) {

    static final int MAX_LABEL = 80;
    /** The NPRS item's label: the scale has one question. */
    static final String PAIN = "Pain";

    public List<FieldProblem> problems(LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (takenOn == null) {
            problems.add(new FieldProblem("takenOn", "Enter the day the score was taken."));
        } else if (takenOn.isAfter(today)) {
            problems.add(new FieldProblem("takenOn", "The day cannot be after today."));
        }
        String range = "Enter a whole number from " + measure.minScore() + " to " + measure.maxScore() + ".";
        int used = 0;
        int firstEmpty = -1;
        for (int i = 0; i < rows(); i++) {
            String label = label(i);
            Integer score = i < scores.size() ? scores.get(i) : null;
            if (label.isEmpty() && score == null) {
                firstEmpty = firstEmpty < 0 ? i : firstEmpty;
                continue;
            }
            used++;
            if (label.isEmpty()) {
                problems.add(new FieldProblem("label" + i, "Name the activity."));
            } else if (label.length() > MAX_LABEL) {
                problems.add(new FieldProblem("label" + i, "Keep it under " + MAX_LABEL + " characters."));
            }
            if (score == null || score < measure.minScore() || score > measure.maxScore()) {
                problems.add(new FieldProblem("score" + i, range));
            }
        }
        if (used < measure.minItems()) {
            String field = measure.minItems() == 1 ? "score0" : "label" + (firstEmpty < 0 ? rows() : firstEmpty);
            problems.add(new FieldProblem(field, measure.minItems() == 1 ? range
                    : "Enter at least " + measure.minItems() + " activities, each with a score."));
        } else if (used > measure.maxItems()) {
            problems.add(new FieldProblem(null, "Enter at most " + measure.maxItems() + " activities."));
        }
        return problems;
    }

    /** The items to store, in the order typed; call only when there are no problems. */
    List<OutcomeScore.Item> items() {
        List<OutcomeScore.Item> items = new ArrayList<>();
        for (int i = 0; i < rows(); i++) {
            Integer score = i < scores.size() ? scores.get(i) : null;
            if (score != null) {
                items.add(new OutcomeScore.Item(label(i), score));
            }
        }
        return items;
    }

    private int rows() {
        return Math.max(labels.size(), scores.size());
    }

    private String label(int i) {
        if (measure.maxItems() == 1) {
            return PAIN; // a one-item scale names its item itself
        }
        String label = i < labels.size() ? labels.get(i) : null;
        return label == null ? "" : label.strip();
    }
}
