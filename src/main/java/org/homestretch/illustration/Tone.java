package org.homestretch.illustration;

/**
 * The few colours a figure uses. Near limbs are near black and far limbs a mid grey, so the two
 * stay apart in black-and-white print; the arrow is an accent that prints as a darker grey.
 */
public enum Tone {
    NEAR("#27323d"),
    FAR("#8e9aa6"),
    SURFACE("#d3d9df"),
    PROP("#b7c0c9"),
    ACCENT("#d1560f"),
    PAPER("#ffffff");

    public final String hex;

    Tone(String hex) {
        this.hex = hex;
    }

    public java.awt.Color color() {
        return java.awt.Color.decode(hex);
    }
}
