package org.homestretch.outcome;

import org.homestretch.base.FieldProblem;

import java.util.List;

/** A score that cannot be stored, with what is wrong next to which field. */
public class OutcomeException extends RuntimeException {

    private final List<FieldProblem> problems;

    public OutcomeException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "Not saved" : problems.getFirst().message());
        this.problems = List.copyOf(problems);
    }

    public OutcomeException(String message) {
        this(List.of(new FieldProblem(null, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
