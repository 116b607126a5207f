package org.homestretch.handout;

/** No such version in the caller's clinic; deliberately the same for "unknown" and "someone else's". */
public class HandoutNotFoundException extends RuntimeException {

    HandoutNotFoundException() {
        super("Handout not found.");
    }
}
