package org.homestretch.handout;

/** How to print: large print (18 pt and up, wider line spacing) and whether to add the two-week paper log. */
public record HandoutOptions(boolean largePrint, boolean log) {

    public static final HandoutOptions STANDARD = new HandoutOptions(false, false);
}
