package org.homestretch.security;

import java.util.Objects;

/**
 * Published, inside the change's transaction, when an admin changes an account. The audit trail
 * listens for it: this package cannot call the audit trail itself, which depends on it.
 *
 * @param account the account changed
 * @param detail  short text without secrets, e.g. the new role
 */
public record AccountChanged(Kind kind, UserId account, String detail) {

    public enum Kind { CREATED, DISABLED, ENABLED, ROLE_CHANGED, PASSWORD_RESET_LINK_ISSUED }

    public AccountChanged {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(account, "account");
        detail = detail == null ? "" : detail;
    }
}
