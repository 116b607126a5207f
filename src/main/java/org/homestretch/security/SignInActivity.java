package org.homestretch.security;

import java.util.Objects;

/**
 * Published when a staff member signs in, fails to, is locked out, signs out or is logged off for
 * inactivity. The audit trail listens for it: this package cannot call the audit trail itself,
 * which depends on it. Published outside any transaction, from the request concerned.
 *
 * @param clinicId the account's clinic (from the account, never from what was typed)
 * @param detail   short text without secrets: never the email or password typed
 */
public record SignInActivity(Kind kind, ClinicId clinicId, UserId userId, String detail) {

    public enum Kind { SIGNED_IN, FAILED, LOCKED_OUT, SIGNED_OUT, LOGGED_OFF_IDLE }

    public SignInActivity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(clinicId, "clinicId");
        Objects.requireNonNull(userId, "userId");
        detail = detail == null ? "" : detail;
    }
}
