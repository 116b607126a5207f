package org.homestretch.catalog;

/** What a patient needs at home for an exercise. */
public enum Equipment {
    NONE("Nothing"),
    PILLOW("Pillow"),
    STRAP_OR_TOWEL("Strap or towel"),
    FOAM_ROLLER("Foam roller"),
    CHAIR("Chair"),
    WALL("Wall");

    private final String label;

    Equipment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
