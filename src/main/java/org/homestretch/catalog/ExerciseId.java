package org.homestretch.catalog;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies an exercise, built-in or custom. */
public record ExerciseId(UUID value) implements Serializable {
    public ExerciseId {
        Objects.requireNonNull(value, "exercise id");
    }
}
