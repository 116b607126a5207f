package org.homestretch.program;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a program: a patient's home program or a template. */
public record ProgramId(UUID value) implements Serializable {
    public ProgramId {
        Objects.requireNonNull(value, "program id");
    }
}
