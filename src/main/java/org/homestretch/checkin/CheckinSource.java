package org.homestretch.checkin;

/** Where a check-in came from: the patient's phone, or the paper log typed in by the therapist. */
public enum CheckinSource implements Labelled {
    PATIENT("Phone"),
    PAPER("Paper log");

    private final String label;

    CheckinSource(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
