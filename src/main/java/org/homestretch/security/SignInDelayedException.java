package org.homestretch.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/**
 * An attempt from a client that has to wait after repeated failures. It is refused before the
 * password is looked at; the login page then says how long is left.
 */
class SignInDelayedException extends AuthenticationException {

    private final transient Duration wait;

    SignInDelayedException(Duration wait) {
        super("Too many failed sign-ins from this address; wait " + wait.toSeconds() + " s");
        this.wait = wait;
    }

    Duration waitTime() {
        return wait;
    }
}
