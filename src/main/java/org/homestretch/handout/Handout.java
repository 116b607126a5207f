package org.homestretch.handout;

/** A rendered handout and the version number it shows (for a file name without the patient's name). */
public record Handout(int versionNumber, byte[] pdf) {

    public String fileName() {
        return "handout-v" + versionNumber + ".pdf";
    }
}
