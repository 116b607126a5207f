package org.homestretch.adherence;

/**
 * Why a patient needs attention, most urgent first: the dashboard sorts by the first reason that
 * is not yet reviewed. The thresholds are documented in docs/ADHERENCE.md and applied in
 * {@link AdherenceRepository}'s SQL.
 */
enum Reason {
    RED_FLAG("Warning symptom"),
    PAIN("Pain"),
    NO_CHECKIN("No check-in"),
    LOW_ADHERENCE("Under 50 %");

    /** A warning symptom counts for this many days, as does the highest pain score. */
    static final int RECENT_DAYS = 7;
    static final int PAIN_HIGH = 7;
    static final int PAIN_RISE = 2;
    static final int QUIET_DAYS = 3;
    /** A review holds for a week, or until a new check-in raises the same reason again. */
    static final int REVIEW_HOLDS_DAYS = 7;

    private final String label;

    Reason(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
