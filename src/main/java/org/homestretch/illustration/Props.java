package org.homestretch.illustration;

import java.util.ArrayList;
import java.util.List;

/**
 * What the body rests on or leans against, drawn behind it: the mat, the bed, the floor line and
 * the props that stand on the floor. Props are fitted to the first pose (a chair's seat under its
 * bottom, a wall behind its back, a step under the named point) and stay where they are in the
 * next pose, so standing up from the chair shows the chair left behind.
 */
final class Props {

    static final double SEAT = 5, CHAIR_LEG = 4, BACK_REST = 46, WALL = 7, FLOOR = 3;

    private Props() {
    }

    /** The surface and props in the side view, spanning {@code people} (every pose's shapes). */
    static List<Shape> side(FigureSpec spec, List<Body> bodies, Bounds people) {
        double left = people.minX() - 8;
        double right = spec.surface() == Surface.BED_EDGE ? Surface.EDGE_X : people.maxX() + 8;
        List<Shape> out = new ArrayList<>();
        switch (spec.surface()) {
            case MAT -> out.add(rect(left, -4, right, 0, Tone.SURFACE));
            case FLOOR -> out.add(rect(Math.min(left, wallX(spec, bodies) - WALL - 6), -FLOOR, right, 0, Tone.SURFACE));
            case BED, BED_EDGE -> {
                double floor = Math.min(-40, people.minY() - 6);
                out.add(rect(left + 3, floor, left + 9, -22, Tone.PROP));
                out.add(rect(right - 9, floor, right - 3, -22, Tone.PROP));
                out.add(rect(left, -24, right, -17, Tone.PROP));
                out.add(rect(left, -17, right, 0, Tone.SURFACE));
            }
        }
        Body first = bodies.getFirst();
        if (spec.chair() != null) {
            out.addAll(chair(first, spec.chair().hasBack()));
        }
        if (spec.hasWall()) {
            double x = wallX(spec, bodies);
            out.add(rect(x - WALL, 0, x, Math.max(people.maxY() + 8, 180), Tone.PROP));
        }
        if (spec.step() != null) {
            Vec p = first.point(spec.step());
            double top = p.y() - partRadius(spec.step());
            if (top < 4) {
                throw new PoseException("The step under \"" + spec.step() + "\" would be too low to draw: lift that point.");
            }
            out.add(rect(p.x() - 18, 0, p.x() + 16, top, Tone.PROP));
        }
        return out;
    }

    /** A seat just under the bottom, reaching toward the knees, on two legs, with a back rest behind. */
    static List<Shape> chair(Body body, boolean back) {
        Vec hip = body.point("hip");
        double top = body.low("bottom");
        if (top < 20) {
            throw new PoseException("The chair's seat would be only " + Math.round(top) + " above the floor: "
                    + "bend the knees less or put the feet on the floor.");
        }
        double x0 = hip.x() - Body.PELVIS_R - 2, x1 = hip.x() + 30;
        List<Shape> out = new ArrayList<>(List.of(
                rect(x0, top - SEAT, x1, top, Tone.PROP),
                rect(x0 + 1, 0, x0 + 1 + CHAIR_LEG, top - SEAT, Tone.PROP),
                rect(x1 - 1 - CHAIR_LEG, 0, x1 - 1, top - SEAT, Tone.PROP)));
        if (back) {
            out.add(rect(x0 - 5, top - SEAT, x0, top + BACK_REST, Tone.PROP));
        }
        return out;
    }

    /** The wall touches the back of whichever pose leans furthest back. */
    static double wallX(FigureSpec spec, List<Body> bodies) {
        if (!spec.hasWall()) {
            return Double.POSITIVE_INFINITY;
        }
        double x = Double.POSITIVE_INFINITY;
        for (Body b : bodies) {
            x = Math.min(x, Math.min(b.point("hip").x() - Body.PELVIS_R,
                    Math.min(b.point("waist").x(), b.point("shoulder").x()) - Body.CHEST_R));
        }
        return x;
    }

    /** The surface in a second view: a mat seen from above, or a floor line under the lowest point. */
    static List<Shape> view(View view, FigureSpec spec, Bounds people) {
        double left = people.minX() - 8, right = people.maxX() + 8;
        if (view == View.ABOVE) {
            return List.of(rect(left, people.minY() - 8, right, people.maxY() + 8, Tone.SURFACE));
        }
        if (view == View.LYING_ON_SIDE) {
            // Seen from above, the mat lies under the whole body (a strip below it left the body
            // floating and the bent knees hanging); its front edge is the darker strip.
            return List.of(rect(left, people.minY() - 12, right, people.maxY() + 8, Tone.SURFACE),
                    rect(left, people.minY() - 16, right, people.minY() - 8, Tone.PROP));
        }
        double depth = spec.surface() == Surface.FLOOR ? FLOOR : 4;
        if (view == View.FEET) {
            // A grey backdrop like the view from above, so every second panel reads as one; the
            // mat or floor then takes the darker prop tone to stay visible on it.
            return List.of(rect(left, people.minY() - depth - 4, right, people.maxY() + 8, Tone.SURFACE),
                    rect(left, people.minY() - depth, right, people.minY(), Tone.PROP));
        }
        return List.of(rect(left, people.minY() - depth, right, people.minY(), Tone.SURFACE));
    }

    /** The chair in a second view: from the front, a seat on two legs; from above, the seat and the back rest. */
    static List<Shape> viewChair(View view, Body body, Body seen) {
        double top = body.low("bottom");
        Vec hip = body.point("hip");
        double half = 22;
        return switch (view) {
            case FEET, FRONT -> {
                double x = seen.point("hip").x();
                yield List.of(rect(x - half, top - SEAT, x + half, top, Tone.PROP),
                        rect(x - half + 1, 0, x - half + 1 + CHAIR_LEG, top - SEAT, Tone.PROP),
                        rect(x + half - 1 - CHAIR_LEG, 0, x + half - 1, top - SEAT, Tone.PROP));
            }
            case ABOVE -> {
                double x0 = hip.x() - Body.PELVIS_R - 2;
                yield List.of(rect(x0, -half, hip.x() + 30, half, Tone.PROP), rect(x0 - 5, -half, x0, half, Tone.PROP));
            }
            case LYING_ON_SIDE -> List.of();
        };
    }

    private static double partRadius(String point) {
        return point.endsWith("Toe") ? Body.FOOT_R : point.endsWith("Hand") ? Body.HAND_R : Body.LEG_R;
    }

    static Shape rect(double x0, double y0, double x1, double y1, Tone tone) {
        return new Shape.Polygon(List.of(new Vec(x0, y0), new Vec(x1, y0), new Vec(x1, y1), new Vec(x0, y1)), tone);
    }
}
