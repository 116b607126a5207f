package org.homestretch.catalog;

/** Where an exercise works. */
public enum BodyArea {
    LOWER_BACK("Lower back"),
    HIPS("Hips"),
    HIP_FLEXORS("Hip flexors"),
    GLUTES("Glutes"),
    HAMSTRINGS("Hamstrings"),
    CORE("Core"),
    WHOLE_SPINE("Whole spine");

    private final String label;

    BodyArea(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
