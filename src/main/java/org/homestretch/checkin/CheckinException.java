package org.homestretch.checkin;

import org.homestretch.base.FieldProblem;

import java.util.List;
import java.util.Objects;

/** A check-in refused; each problem names its field so the page shows it there. Nothing was saved. */
public class CheckinException extends RuntimeException {

    private final List<FieldProblem> problems;

    CheckinException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "Not saved." : problems.getFirst().message());
        this.problems = List.copyOf(problems);
    }

    static CheckinException of(String field, String message) {
        return new CheckinException(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public String messageFor(String field) {
        return problems.stream().filter(p -> Objects.equals(p.field(), field))
                .map(FieldProblem::message).findFirst().orElse(null);
    }
}
