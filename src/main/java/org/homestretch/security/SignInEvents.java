package org.homestretch.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Tells the audit trail about sign-ins on the sign-in form ({@link SignInActivity}). Only for an
 * account that exists: an email with no account belongs to no clinic, so it has no clinic chain
 * to go in (it is still counted against the client address, see {@link SignInAttempts}).
 */
@Component
class SignInEvents {

    private final ApplicationEventPublisher publisher;
    private final SecondFactorGate gate;
    private final SignInAttemptRepository accounts;

    SignInEvents(ApplicationEventPublisher publisher, SecondFactorGate gate, SignInAttemptRepository accounts) {
        this.publisher = publisher;
        this.gate = gate;
        this.accounts = accounts;
    }

    /**
     * The password was right. Recorded once per sign-in, here: when a second step follows, the
     * detail says so, and the code itself adds no entry.
     */
    void signedIn(Authentication result) {
        if (result.getPrincipal() instanceof SignedInUser user) {
            String detail = switch (gate.stepFor(result)) {
                case NONE -> "password";
                case CODE -> "password, code next";
                case ENROL -> "password, two-factor set-up next";
            };
            publisher.publishEvent(new SignInActivity(SignInActivity.Kind.SIGNED_IN, user.clinicId(), user.userId(), detail));
        }
    }

    /** A refused attempt on an existing account; {@code lockedOut} when this one locked it. */
    void failed(UserId userId, AuthenticationException why, boolean lockedOut) {
        accounts.clinicOf(userId).ifPresent(clinic -> publisher.publishEvent(lockedOut
                ? new SignInActivity(SignInActivity.Kind.LOCKED_OUT, clinic, userId,
                "after " + SignInAttempts.ACCOUNT_FAILURES + " failed sign-ins")
                : new SignInActivity(SignInActivity.Kind.FAILED, clinic, userId, reason(why))));
    }

    /** Refused while the account is locked, whatever the password. */
    void refusedWhileLocked(UserId userId) {
        accounts.clinicOf(userId).ifPresent(clinic -> publisher.publishEvent(
                new SignInActivity(SignInActivity.Kind.FAILED, clinic, userId, "account locked")));
    }

    private static String reason(AuthenticationException why) {
        return why instanceof DisabledException ? "account disabled" : "wrong password";
    }
}
