package org.homestretch.catalog;

/** When the source articles suggest doing an exercise. */
public enum BestTime {
    MORNING("Morning"),
    BEDTIME("Bedtime"),
    ANY("Any time");

    private final String label;

    BestTime(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
