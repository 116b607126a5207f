package org.homestretch.illustration;

/**
 * A point or direction of the figure. {@code x} and {@code y} are the side view (y up); {@code z}
 * points at the viewer and only matters for limbs rolled out of that plane.
 */
public record Vec(double x, double y, double z) {

    public static final Vec ZERO = new Vec(0, 0, 0);

    public Vec(double x, double y) {
        this(x, y, 0);
    }

    /** Unit direction at {@code degrees} counter-clockwise from the positive x axis. */
    static Vec direction(double degrees) {
        double r = Math.toRadians(degrees);
        return new Vec(Math.cos(r), Math.sin(r));
    }

    Vec plus(Vec o) {
        return new Vec(x + o.x, y + o.y, z + o.z);
    }

    Vec minus(Vec o) {
        return new Vec(x - o.x, y - o.y, z - o.z);
    }

    Vec times(double f) {
        return new Vec(x * f, y * f, z * f);
    }

    double dot(Vec o) {
        return x * o.x + y * o.y + z * o.z;
    }

    /** Length in space, so a limb rolled out of the side view keeps its length. */
    public double length() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    double flatLength() {
        return Math.hypot(x, y);
    }

    Vec unit() {
        double l = flatLength();
        return l == 0 ? new Vec(1, 0) : new Vec(x / l, y / l);
    }

    /** Turned counter-clockwise in the side view. */
    Vec rotate(double degrees) {
        double r = Math.toRadians(degrees);
        double c = Math.cos(r), s = Math.sin(r);
        return new Vec(x * c - y * s, x * s + y * c, z);
    }

    /** Angle in the side view, degrees counter-clockwise from the positive x axis. */
    double angle() {
        return Math.toDegrees(Math.atan2(y, x));
    }

    Vec flat() {
        return new Vec(x, y);
    }
}
