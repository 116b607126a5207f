package org.homestretch.image;

/**
 * What one upload field takes: its name (for the message's place), its byte limit, whether WebP
 * is welcome, and the word the messages use for the file ("photo", "image").
 */
public record ImageKind(String field, int maxBytes, boolean allowWebp, String noun) {

    private static final int MB = 1024 * 1024;

    public ImageKind {
        if (maxBytes < MB || maxBytes % MB != 0) {
            // Messages say "larger than N MB": a limit that is not whole megabytes would read wrong.
            throw new IllegalArgumentException("maxBytes must be whole megabytes");
        }
    }

    /** "PNG, JPEG or WebP" or "PNG or JPEG". */
    public String formats() {
        return allowWebp ? "PNG, JPEG or WebP" : "PNG or JPEG";
    }

    public String empty() {
        return "This file is empty. Choose a " + formats() + " " + noun + ".";
    }

    public String tooBig() {
        return "This file is larger than " + maxBytes / MB + " MB. Choose a smaller " + noun + ".";
    }

    public String wrongType() {
        return "This file is not a " + formats() + " image. Choose " + article() + noun + " in one of those formats.";
    }

    String archive() {
        return "This file is a ZIP archive (a packed folder), not an image, even if its name ends in .png "
                + "or .jpg. Choose a " + formats() + " " + noun + ".";
    }

    private String article() {
        return "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ";
    }
}
