package org.homestretch.catalog;

/** How an exercise uses the left and right side. */
public enum Sides {
    EACH_SIDE("Each side"),
    BOTH_TOGETHER("Both sides together"),
    ALTERNATE("Alternate sides"),
    NONE("No sides");

    private final String label;

    Sides(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
