package org.homestretch.security;

/** The signed-in user's two-factor sign-in, as the user menu shows it. */
public record TwoFactorStatus(boolean enabled, boolean requiredByClinic, int recoveryCodesLeft) {
}
