package org.homestretch.security;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a clinic; every piece of patient data belongs to exactly one. */
public record ClinicId(UUID value) implements Serializable {
    public ClinicId {
        Objects.requireNonNull(value, "clinic id");
    }
}
