package org.homestretch.security;

/** What a user signed in with a password still has to do before they reach any page. */
public enum SecondStep {
    /** Nothing: two-factor is off for them, or they already gave a code in this session. */
    NONE,
    /** Give a code from their authenticator app, or a recovery code. */
    CODE,
    /** Set up an authenticator app first: their clinic requires it. */
    ENROL
}
