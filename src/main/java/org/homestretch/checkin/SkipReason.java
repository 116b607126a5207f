package org.homestretch.checkin;

/** Why a session was not done. Forgetting and lack of time are what patients report most. */
public enum SkipReason implements Labelled {
    NO_TIME("No time"),
    FORGOT("I forgot"),
    PAIN("It hurt too much"),
    NOT_SURE_HOW("Not sure how to do it"),
    OTHER("Another reason");

    private final String label;

    SkipReason(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * "Not done: I forgot", as the phone page and the therapist's check-ins page say it. The label
     * stays as written: lower-casing it turned "I forgot" into "i forgot".
     */
    public String notDone() {
        return "Not done: " + label;
    }
}
