package org.homestretch.illustration;

import java.util.List;

/**
 * What the geometry hands to a writer: only these four kinds, so the SVG and the PDF writer draw
 * exactly the same picture. Coordinates are the drawing's own, y pointing down.
 */
public sealed interface Shape {

    Tone tone();

    /** A rounded limb or body part: a line of width {@code 2r} with round ends. */
    record Capsule(Vec a, Vec b, double r, Tone tone) implements Shape {
    }

    record Disc(Vec centre, double r, Tone tone) implements Shape {
    }

    /** A filled outline (surfaces, arrow heads); corners are rounded by a thin stroke of the same colour. */
    record Polygon(List<Vec> points, Tone tone) implements Shape {
        public Polygon {
            points = List.copyOf(points);
        }
    }

    /** An open line with round ends and joins: an arrow's shaft, a strap. */
    record Stroke(List<Vec> points, double width, Tone tone) implements Shape {
        public Stroke {
            points = List.copyOf(points);
        }
    }
}
