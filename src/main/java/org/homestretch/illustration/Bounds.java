package org.homestretch.illustration;

import java.util.List;

/** The box around some shapes, their round ends and stroke widths included. */
public record Bounds(double minX, double minY, double maxX, double maxY) {

    static final Bounds EMPTY = new Bounds(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);

    public static Bounds of(List<Shape> shapes) {
        Bounds b = EMPTY;
        for (Shape s : shapes) {
            b = b.union(of(s));
        }
        return b;
    }

    public static Bounds of(Shape s) {
        return switch (s) {
            case Shape.Capsule c -> around(c.a(), c.r()).union(around(c.b(), c.r()));
            case Shape.Disc d -> around(d.centre(), d.r());
            case Shape.Polygon p -> points(p.points(), 0);
            case Shape.Stroke st -> points(st.points(), st.width() / 2);
        };
    }

    private static Bounds points(List<Vec> points, double r) {
        Bounds b = EMPTY;
        for (Vec v : points) {
            b = b.union(around(v, r));
        }
        return b;
    }

    private static Bounds around(Vec v, double r) {
        return new Bounds(v.x() - r, v.y() - r, v.x() + r, v.y() + r);
    }

    Bounds union(Bounds o) {
        return new Bounds(Math.min(minX, o.minX), Math.min(minY, o.minY), Math.max(maxX, o.maxX), Math.max(maxY, o.maxY));
    }

    public double width() {
        return maxX - minX;
    }

    public double height() {
        return maxY - minY;
    }

    public boolean contains(Bounds o) {
        double e = 1e-6;
        return o.minX >= minX - e && o.minY >= minY - e && o.maxX <= maxX + e && o.maxY <= maxY + e;
    }
}
