package org.homestretch.security;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a therapist or admin account. */
public record UserId(UUID value) implements Serializable {
    public UserId {
        Objects.requireNonNull(value, "user id");
    }
}
