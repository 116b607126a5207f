package org.homestretch.program;

import org.homestretch.base.FieldProblem;

import java.util.List;

/** A program change refused; problems name their field, e.g. "items[2].holdSeconds". */
public class ProgramException extends RuntimeException {

    private final List<FieldProblem> problems;
    private final boolean conflict;

    ProgramException(List<FieldProblem> problems, boolean conflict) {
        super(problems.isEmpty() ? "Not saved." : problems.getFirst().message());
        this.problems = List.copyOf(problems);
        this.conflict = conflict;
    }

    static ProgramException of(String message) {
        return new ProgramException(List.of(new FieldProblem(null, message)), false);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** True when someone else published first: the editor offers to reload and reapply. */
    public boolean conflict() {
        return conflict;
    }
}
