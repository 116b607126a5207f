package org.homestretch.base;

import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;

import java.util.Optional;
import java.util.function.Function;

/** Lets forms reuse the domain's rules, so the message next to a field is the service's own. */
public final class FieldRules {

    private FieldRules() {
    }

    /** Adapts a rule that returns a message when the value is wrong into a field validator. */
    public static <T> Validator<T> of(Function<T, Optional<String>> rule) {
        return (value, context) -> rule.apply(value).map(ValidationResult::error).orElse(ValidationResult.ok());
    }
}
