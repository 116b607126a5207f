package org.homestretch.illustration;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays an exercise's poses out as one drawing: each pose in its own panel on the same surface and
 * at the same scale (side by side for upright poses, one above the other for lying ones), with the
 * arrow in the last panel. The panels share one frame, so a point that moves between the start
 * and the end pose can be traced from one panel to the next.
 */
public final class Figure {

    static final double PAD = 6, GAP = 10;
    static final double ARROW_WIDTH = 3.4, ARROW_HEAD = 9;

    private final Surface surface;
    private final List<Body> bodies;
    private final List<List<Shape>> panels;
    private final Bounds frame;
    private final boolean stacked;

    private Figure(Surface surface, List<Body> bodies, List<List<Shape>> panels, Bounds frame) {
        this.surface = surface;
        this.bodies = bodies;
        this.panels = panels;
        this.frame = frame;
        double w = frame.width() + 2 * PAD, h = frame.height() + 2 * PAD;
        this.stacked = panels.size() > 1 && w > h * 1.2;
    }

    /** Refuses a bad pose or arrow with a {@link PoseException} naming the joint or point. */
    public static Figure of(FigureSpec spec) {
        List<Body> bodies = spec.resolve().stream().map(p -> Body.place(p, spec.anchorPoint())).toList();
        List<List<Shape>> panels = new ArrayList<>();
        Bounds people = Bounds.EMPTY;
        for (Body b : bodies) {
            people = people.union(Bounds.of(b.shapes()));
        }
        for (Body b : bodies) {
            List<Shape> shapes = new ArrayList<>(surface(spec.surface(), people));
            shapes.addAll(b.shapes());
            panels.add(shapes);
        }
        if (spec.arrow() != null) {
            panels.getLast().addAll(arrow(spec.arrow(), bodies));
        }
        Bounds frame = Bounds.EMPTY;
        for (List<Shape> panel : panels) {
            frame = frame.union(Bounds.of(panel));
        }
        return new Figure(spec.surface(), bodies, panels, frame);
    }

    public Surface surface() {
        return surface;
    }

    /** The placed poses, surface at y = 0 and hip at x = 0, for checks of the geometry. */
    public List<Body> bodies() {
        return bodies;
    }

    /** Each panel's shapes in the side view (y up), surface first. */
    public List<List<Shape>> panels() {
        return panels;
    }

    /** The drawing, y down, every panel inside its frame. */
    public Drawing drawing() {
        double pw = frame.width() + 2 * PAD, ph = frame.height() + 2 * PAD;
        int n = panels.size();
        double width = stacked ? pw : n * pw + (n - 1) * GAP;
        double height = stacked ? n * ph + (n - 1) * GAP : ph;
        List<Shape> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double ox = stacked ? 0 : i * (pw + GAP), oy = stacked ? i * (ph + GAP) : 0;
            for (Shape s : panels.get(i)) {
                out.add(map(s, ox + PAD - frame.minX(), oy + PAD + frame.maxY()));
            }
        }
        return new Drawing(out, width, height);
    }

    private static Shape map(Shape s, double dx, double top) {
        return switch (s) {
            case Shape.Capsule c -> new Shape.Capsule(map(c.a(), dx, top), map(c.b(), dx, top), c.r(), c.tone());
            case Shape.Disc d -> new Shape.Disc(map(d.centre(), dx, top), d.r(), d.tone());
            case Shape.Polygon p -> new Shape.Polygon(p.points().stream().map(v -> map(v, dx, top)).toList(), p.tone());
            case Shape.Stroke st -> new Shape.Stroke(st.points().stream().map(v -> map(v, dx, top)).toList(),
                    st.width(), st.tone());
        };
    }

    private static Vec map(Vec v, double dx, double top) {
        return new Vec(v.x() + dx, top - v.y());
    }

    /** A mat, or a bed (standing on the floor, with legs) whose end may stop just past the hip. */
    static List<Shape> surface(Surface surface, Bounds people) {
        double left = people.minX() - 8;
        double right = surface == Surface.BED_EDGE ? Surface.EDGE_X : people.maxX() + 8;
        if (surface == Surface.MAT) {
            return List.of(rect(left, -4, right, 0, Tone.SURFACE));
        }
        double floor = Math.min(-40, people.minY() - 6);
        return List.of(
                rect(left + 3, floor, left + 9, -22, Tone.PROP),
                rect(right - 9, floor, right - 3, -22, Tone.PROP),
                rect(left, -24, right, -17, Tone.PROP),
                rect(left, -17, right, 0, Tone.SURFACE));
    }

    private static Shape rect(double x0, double y0, double x1, double y1, Tone tone) {
        return new Shape.Polygon(List.of(new Vec(x0, y0), new Vec(x1, y0), new Vec(x1, y1), new Vec(x0, y1)), tone);
    }

    private static List<Shape> arrow(FigureSpec.ArrowSpec spec, List<Body> bodies) {
        if (spec.point() == null) {
            throw new PoseException("An arrow needs the body point it follows or turns around.");
        }
        Body last = bodies.getLast();
        boolean both = spec.both() != null && spec.both();
        List<Vec> path = new ArrayList<>();
        if (spec.turn() != null) {
            if (spec.turn().size() != 2 || spec.radius() == null) {
                throw new PoseException("A turning arrow needs a radius and two angles.");
            }
            Vec c = last.point(spec.point()).flat().plus(offset(spec));
            double a0 = spec.turn().get(0), a1 = spec.turn().get(1);
            for (int i = 0; i <= 24; i++) {
                path.add(c.plus(Vec.direction(a0 + (a1 - a0) * i / 24.0).times(spec.radius())));
            }
        } else if (spec.along() != null) {
            if (spec.along().size() != 2) {
                throw new PoseException("An arrow's direction is two numbers: across and up.");
            }
            Vec c = last.point(spec.point()).flat().plus(offset(spec));
            Vec half = new Vec(spec.along().get(0), spec.along().get(1)).times(0.5);
            path.add(c.minus(half));
            path.add(c.plus(half));
        } else {
            if (bodies.size() < 2) {
                throw new PoseException("An arrow that follows \"" + spec.point() + "\" needs a start and an end pose.");
            }
            Vec a = bodies.getFirst().point(spec.point()).flat().plus(offset(spec));
            Vec b = last.point(spec.point()).flat().plus(offset(spec));
            Vec mid = a.plus(b).times(0.5);
            Vec across = b.minus(a).rotate(90);
            // Bow away from the body, so the arrow does not run across it.
            Vec centre = last.point("waist").flat();
            double side = across.dot(mid.minus(centre)) >= 0 ? 1 : -1;
            Vec control = mid.plus(across.times(side * (spec.bend() == null ? 0.3 : spec.bend())));
            for (int i = 0; i <= 24; i++) {
                double t = i / 24.0;
                path.add(a.times((1 - t) * (1 - t)).plus(control.times(2 * t * (1 - t))).plus(b.times(t * t)));
            }
            // Stop short of the part itself, which sits at the end of the path; a short path keeps most of its length.
            double length = pathLength(path);
            path = trim(path, Math.min(4, length * 0.1), Math.min(Body.LEG_R + 3, length * 0.2));
        }
        List<Shape> out = new ArrayList<>();
        if (pathLength(path) < ARROW_HEAD * 1.8) {
            throw new PoseException("An arrow is too short to draw: the point \"" + spec.point()
                    + "\" hardly moves. Give it an offset or follow another point.");
        }
        List<Vec> shaft = trim(path, both ? ARROW_HEAD * 0.8 : 0, ARROW_HEAD * 0.8);
        out.add(new Shape.Stroke(shaft, ARROW_WIDTH + 2 * Body.HALO, Tone.PAPER));
        out.add(new Shape.Stroke(shaft, ARROW_WIDTH, Tone.ACCENT));
        out.add(head(path.get(path.size() - 2), path.getLast()));
        if (both) {
            out.add(head(path.get(1), path.getFirst()));
        }
        return out;
    }

    private static double pathLength(List<Vec> path) {
        double length = 0;
        for (int i = 1; i < path.size(); i++) {
            length += path.get(i).minus(path.get(i - 1)).flatLength();
        }
        return length;
    }

    private static Vec offset(FigureSpec.ArrowSpec spec) {
        if (spec.offset() == null) {
            return Vec.ZERO;
        }
        if (spec.offset().size() != 2) {
            throw new PoseException("An arrow's offset is two numbers: across and up.");
        }
        return new Vec(spec.offset().get(0), spec.offset().get(1));
    }

    private static Shape head(Vec from, Vec tip) {
        Vec dir = tip.minus(from).unit();
        Vec across = dir.rotate(90).times(ARROW_HEAD * 0.62);
        Vec base = tip.minus(dir.times(ARROW_HEAD * 1.1));
        return new Shape.Polygon(List.of(tip.plus(dir.times(1)), base.plus(across), base.minus(across)), Tone.ACCENT);
    }

    /** The path without its first {@code start} and last {@code end} units of length. */
    private static List<Vec> trim(List<Vec> path, double start, double end) {
        List<Vec> out = new ArrayList<>(path);
        cut(out, start);
        java.util.Collections.reverse(out);
        cut(out, end);
        java.util.Collections.reverse(out);
        if (out.size() < 2) {
            throw new PoseException("An arrow is too short to draw: the point hardly moves.");
        }
        return out;
    }

    private static void cut(List<Vec> path, double length) {
        double left = length;
        while (path.size() >= 2 && left > 0) {
            Vec a = path.get(0), b = path.get(1);
            double d = b.minus(a).flatLength();
            if (d <= left) {
                path.removeFirst();
                left -= d;
            } else {
                path.set(0, a.plus(b.minus(a).times(left / d)));
                left = 0;
            }
        }
    }
}
