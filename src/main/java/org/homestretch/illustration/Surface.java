package org.homestretch.illustration;

/** What the body rests on. The bed's end is just past the hip, so a leg can hang off it. */
public enum Surface {
    MAT, BED, BED_EDGE;

    /** Past this x (hip at 0) a bed edge has nothing under it. */
    public static final double EDGE_X = 12;
}
