package org.homestretch.patient;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a patient. Never trusted alone: always looked up with the caller's clinic. */
public record PatientId(UUID value) implements Serializable {
    public PatientId {
        Objects.requireNonNull(value, "patient id");
    }

    /** Parses an id from a URL; empty when it is not a valid id. */
    public static java.util.Optional<PatientId> parse(String text) {
        try {
            return java.util.Optional.of(new PatientId(UUID.fromString(text)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }
}
