package org.homestretch.checkin;

/** "How hard was it?" in the patient's words. */
public enum Difficulty implements Labelled {
    EASY("Easy"),
    ABOUT_RIGHT("About right"),
    HARD("Hard");

    private final String label;

    Difficulty(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
