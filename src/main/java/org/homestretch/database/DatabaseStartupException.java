package org.homestretch.database;

/**
 * A database problem the person starting the app can fix; its message says how.
 * Reported by {@link DatabaseStartupFailureAnalyzer} without a stack trace.
 */
public class DatabaseStartupException extends RuntimeException {

    private final String action;

    public DatabaseStartupException(String description, String action) {
        super(description);
        this.action = action;
    }

    public DatabaseStartupException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
