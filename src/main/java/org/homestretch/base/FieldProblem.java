package org.homestretch.base;

/** A rule broken by one form field; the message is shown next to that field. */
public record FieldProblem(String field, String message) {
}
