package org.homestretch.security;

/** Whether a password reset link can still be used, and what to tell the person holding it. */
public enum ResetLinkState {
    VALID(""),
    UNKNOWN("This link does not work. Check that you copied all of it, or ask your clinic admin for a new one."),
    EXPIRED("This link has expired: a link works for 24 hours. Ask your clinic admin for a new one."),
    USED("This link has already been used, and a link works only once. Sign in with your new password, "
            + "or ask your clinic admin for a new link."),
    ACCOUNT_DISABLED("Your account is disabled, so its password cannot be set. Ask your clinic admin.");

    private final String message;

    ResetLinkState(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
