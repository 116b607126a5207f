package org.homestretch.base;

import org.slf4j.Logger;

import java.security.SecureRandom;

/**
 * The one scheme for unexpected errors, in the staff UI and on the patient's phone page alike:
 * the person sees a short reference, the log holds the same reference with the exception's type
 * and where it was thrown. Never the exception's message and never a stack trace with messages:
 * messages quote what was typed, SQL parameters and rows ("Failing row contains ..."), which is
 * patient data.
 */
public final class ErrorReference {

    /** No 0/o, 1/l/i: the reference is read out over the phone. */
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 8;
    private static final int MAX_CAUSES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorReference() {
    }

    /** A new reference such as {@code k7ma2xqp}. */
    public static String next() {
        StringBuilder reference = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }

    /** Logs the error under a new reference, as type and place only, and answers the reference. */
    public static String log(Logger log, String where, Throwable error) {
        String reference = next();
        log.error("Unexpected error in {}, reference {}: {}", where, reference, describe(error));
        return reference;
    }

    /**
     * The error's type and the place it was thrown, then the same for each cause, e.g.
     * {@code IllegalStateException at org.homestretch.x.Y.run(Y.java:12) <- caused by
     * PSQLException at ...}. Class and method names and line numbers are code, never data.
     */
    public static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable t = error; t != null && depth < MAX_CAUSES; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (depth > 0) {
                text.append(" <- caused by ");
            }
            text.append(t.getClass().getName());
            StackTraceElement place = place(t.getStackTrace());
            if (place != null) {
                text.append(" at ").append(place);
            }
        }
        return text.toString();
    }

    /** The first frame in our own code, else the first frame at all. */
    private static StackTraceElement place(StackTraceElement[] frames) {
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith("org.homestretch.")) {
                return frame;
            }
        }
        return frames.length > 0 ? frames[0] : null;
    }
}
