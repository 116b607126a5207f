package org.homestretch.patient;

import org.homestretch.base.FieldProblem;

import java.util.List;

/** A patient change refused; each problem names the field it belongs next to. */
public class PatientException extends RuntimeException {

    private final List<FieldProblem> problems;

    public PatientException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "Not saved." : problems.getFirst().message());
        this.problems = List.copyOf(problems);
    }

    public PatientException(String message) {
        this(List.of(new FieldProblem(null, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
