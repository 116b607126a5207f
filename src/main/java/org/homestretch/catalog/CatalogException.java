package org.homestretch.catalog;

import org.homestretch.base.FieldProblem;

import java.util.List;

/** A catalog change refused; each problem names the form field it belongs next to. */
public class CatalogException extends RuntimeException {

    private final List<FieldProblem> problems;

    public CatalogException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "Not saved." : problems.getFirst().message());
        this.problems = List.copyOf(problems);
    }

    public CatalogException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
