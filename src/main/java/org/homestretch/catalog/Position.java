package org.homestretch.catalog;

/** The starting position of an exercise, as a patient would recognise it. */
public enum Position {
    LYING_ON_BACK("Lying on back"),
    LYING_ON_FRONT("Lying on front"),
    SIDE_LYING("Lying on side"),
    HANDS_AND_KNEES("Hands and knees"),
    KNEELING("Kneeling"),
    SITTING("Sitting"),
    /** On a firm chair: the choice for someone who cannot get down to the floor. */
    CHAIR("On a chair"),
    STANDING("Standing"),
    EDGE_OF_BED("Edge of bed");

    private final String label;

    Position(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
