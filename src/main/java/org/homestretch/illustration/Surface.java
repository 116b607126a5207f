package org.homestretch.illustration;

/**
 * What the body rests on. The bed's end is just past the hip, so a leg can hang off it. The floor
 * is a plain line, for standing and walking and for the props that stand on it (chair, wall, step).
 */
public enum Surface {
    MAT, BED, BED_EDGE, FLOOR;

    /** Past this x (hip at 0) a bed edge has nothing under it. */
    public static final double EDGE_X = 12;
}
