package org.homestretch.security;

import java.time.Instant;

/** A therapist or admin as other features see them: never with the password hash. */
public record UserAccount(UserId id, ClinicId clinicId, String email, String displayName, Role role,
                          boolean enabled, Instant createdAt) {
}
