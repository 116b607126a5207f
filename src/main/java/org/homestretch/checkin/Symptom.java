package org.homestretch.checkin;

/** Warning symptoms a patient can report; any of them means stop and call the clinic. */
public enum Symptom implements Labelled {
    NUMBNESS_TINGLING("Numbness or tingling"),
    PAIN_DOWN_LEG("Pain going down a leg"),
    SHARP_PAIN("Sharp pain"),
    NEW_WEAKNESS("New weakness in a leg or foot");

    private final String label;

    Symptom(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
