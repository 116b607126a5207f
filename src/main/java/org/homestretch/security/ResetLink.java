package org.homestretch.security;

import java.time.Instant;

/** A password reset link for the admin to pass on; {@code emailed} when it also went out by email. */
public record ResetLink(String url, Instant expiresAt, boolean emailed) {

    @Override
    public String toString() {
        return "ResetLink[expiresAt=" + expiresAt + ", emailed=" + emailed + "]"; // never the token
    }
}
