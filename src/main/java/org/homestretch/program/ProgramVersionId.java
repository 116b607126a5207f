package org.homestretch.program;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies one published, immutable version of a program; handouts and check-ins point at it. */
public record ProgramVersionId(UUID value) implements Serializable {
    public ProgramVersionId {
        Objects.requireNonNull(value, "program version id");
    }
}
