package org.homestretch.illustration;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays an exercise's poses out as one drawing: each pose in its own panel on the same surface and
 * at the same scale (side by side for upright poses, one above the other for lying ones), with the
 * arrow in the last panel, and a second view beside them where the exercise has one.
 */
public final class Figure {

    static final double PAD = 6, GAP = 10;
    static final double ARROW_WIDTH = 3.4, ARROW_HEAD = 9;

    private final Surface surface;
    private final List<Body> bodies;
    private final Block side;
    private final Block view;

    private Figure(Surface surface, List<Body> bodies, Block side, Block view) {
        this.surface = surface;
        this.bodies = bodies;
        this.side = side;
        this.view = view;
    }

    /** Refuses a bad pose or arrow with a {@link PoseException} naming the joint or point. */
    public static Figure of(FigureSpec spec) {
        List<Body> bodies = spec.resolve().stream().map(p -> Body.place(p, spec.anchorPoint())).toList();
        View second = spec.secondView().orElse(null);
        Block side = null, view = null;
        if (second == null || !second.replacesSideView) {
            Bounds people = Bounds.EMPTY;
            for (Body b : bodies) {
                people = people.union(Bounds.of(b.shapes()));
            }
            List<List<Shape>> panels = new ArrayList<>();
            // When the second view shows the movement with its own arrow, the side view shows where it ends.
            for (Body b : spec.viewArrow() != null ? List.of(bodies.getLast()) : bodies) {
                List<Shape> shapes = new ArrayList<>(Props.side(spec, bodies, people));
                shapes.addAll(b.shapes());
                panels.add(shapes);
            }
            if (spec.arrow() != null) {
                panels.getLast().addAll(arrow(spec.arrow(), bodies));
            }
            side = Block.of(panels, 1);
        } else if (spec.arrow() != null) {
            throw new PoseException("A figure drawn only from the " + second.key + " takes its arrow as viewArrow.");
        }
        if (second != null) {
            view = viewBlock(spec, second, bodies);
            if (side != null) {
                // A view from the feet of someone lying down is small: draw it up to the side view's height.
                // From above, a sitting hip opener shows best: draw it larger than the side view (a lying
                // body's view from above is already far taller than its side view).
                double least = second == View.ABOVE && view.height() < 1.5 * side.height() ? 1.4 : 1;
                view = Block.of(view.panels, Math.clamp(side.height() / view.height(), least, Math.max(least, 1.8)));
            }
        } else if (spec.viewArrow() != null) {
            throw new PoseException("A viewArrow needs a view: feet, above or lyingOnSide.");
        }
        return new Figure(spec.surface(), bodies, side, view);
    }

    /**
     * The second view: every pose when it replaces the side view, else only the last pose (where
     * the movement ends), with the arrow following {@code viewArrow} from the start pose.
     */
    private static Block viewBlock(FigureSpec spec, View view, List<Body> bodies) {
        List<Body> seen = new ArrayList<>();
        for (Body b : bodies) {
            seen.add(view.project(b));
        }
        // Each projected pose rests on the same line: the lowest point of any of them.
        Bounds people = Bounds.EMPTY;
        for (Body b : seen) {
            people = people.union(Bounds.of(ViewShapes.of(b).stream().filter(s -> s.tone() != Tone.PAPER).toList()));
        }
        List<Body> shown = view.replacesSideView ? seen : List.of(seen.getLast());
        List<List<Shape>> panels = new ArrayList<>();
        Bounds shownPeople = Bounds.EMPTY;
        for (Body b : shown) {
            shownPeople = shownPeople.union(Bounds.of(ViewShapes.of(b)));
        }
        shownPeople = new Bounds(shownPeople.minX(), people.minY(), shownPeople.maxX(), shownPeople.maxY());
        for (Body b : shown) {
            List<Shape> shapes = new ArrayList<>(Props.view(view, spec, shownPeople));
            if (spec.chair() != null) {
                shapes.addAll(Props.viewChair(view, bodies.getFirst(), seen.getFirst()));
            }
            shapes.addAll(ViewShapes.of(b));
            panels.add(shapes);
        }
        if (spec.viewArrow() != null) {
            if (seen.size() < 2) {
                throw new PoseException("A viewArrow follows a point from the start to the end pose: give both.");
            }
            panels.getLast().addAll(arrow(new FigureSpec.ArrowSpec(spec.viewArrow(), null, null, null, null, null,
                    null), seen));
        }
        return Block.of(panels, 1);
    }

    public Surface surface() {
        return surface;
    }

    /** The placed poses, surface at y = 0 and hip at x = 0, for checks of the geometry. */
    public List<Body> bodies() {
        return bodies;
    }

    /** Each panel's shapes (y up), surface first: the side view's panels, then the second view's. */
    public List<List<Shape>> panels() {
        List<List<Shape>> all = new ArrayList<>();
        if (side != null) {
            all.addAll(side.panels);
        }
        if (view != null) {
            all.addAll(view.panels);
        }
        return all;
    }

    /** The second view's panels (y up), or none. */
    public List<List<Shape>> viewPanels() {
        return view == null ? List.of() : view.panels;
    }

    /**
     * The drawing, y down, every panel inside its frame. A second view sits to the right of the side
     * view, bottoms level, or under it, centred, whichever keeps the whole closer to the shape of a
     * handout's figure frame (about 4 wide to 3 high); a thin line parts the two views.
     */
    public Drawing drawing() {
        List<Shape> out = new ArrayList<>();
        if (side == null || view == null) {
            Block only = side == null ? view : side;
            only.emit(out, 0, 0);
            return new Drawing(out, only.width(), only.height());
        }
        double rightW = side.width() + 2 * GAP + view.width(), rightH = Math.max(side.height(), view.height());
        double belowW = Math.max(side.width(), view.width()), belowH = side.height() + 2 * GAP + view.height();
        double frame = Math.log(4 / 3.0);
        if (Math.abs(Math.log(rightW / rightH) - frame) <= Math.abs(Math.log(belowW / belowH) - frame)) {
            side.emit(out, 0, rightH - side.height());
            double x = side.width() + GAP;
            out.add(new Shape.Stroke(List.of(new Vec(x, PAD), new Vec(x, rightH - PAD)), 1.2, Tone.SURFACE));
            view.emit(out, x + GAP, rightH - view.height());
            return new Drawing(out, rightW, rightH);
        }
        side.emit(out, (belowW - side.width()) / 2, 0);
        double y = side.height() + GAP;
        out.add(new Shape.Stroke(List.of(new Vec(PAD, y), new Vec(belowW - PAD, y)), 1.2, Tone.SURFACE));
        view.emit(out, (belowW - view.width()) / 2, y + GAP);
        return new Drawing(out, belowW, belowH);
    }

    /**
     * Panels on the same surface at the same scale, sharing one frame so a point that moves from
     * one pose to the next can be traced: side by side for upright poses, one above the other for
     * lying ones.
     */
    private record Block(List<List<Shape>> panels, Bounds frame, boolean stacked, double scale) {

        static Block of(List<List<Shape>> panels, double scale) {
            Bounds frame = Bounds.EMPTY;
            for (List<Shape> panel : panels) {
                frame = frame.union(Bounds.of(panel));
            }
            double w = frame.width() * scale + 2 * PAD, h = frame.height() * scale + 2 * PAD;
            return new Block(panels, frame, panels.size() > 1 && w > h * 1.2, scale);
        }

        double panelWidth() {
            return frame.width() * scale + 2 * PAD;
        }

        double panelHeight() {
            return frame.height() * scale + 2 * PAD;
        }

        double width() {
            int n = panels.size();
            return stacked ? panelWidth() : n * panelWidth() + (n - 1) * GAP;
        }

        double height() {
            int n = panels.size();
            return stacked ? n * panelHeight() + (n - 1) * GAP : panelHeight();
        }

        void emit(List<Shape> out, double x, double y) {
            for (int i = 0; i < panels.size(); i++) {
                double ox = x + (stacked ? 0 : i * (panelWidth() + GAP));
                double oy = y + (stacked ? i * (panelHeight() + GAP) : 0);
                for (Shape s : panels.get(i)) {
                    out.add(map(scaled(s, scale), ox + PAD - frame.minX() * scale, oy + PAD + frame.maxY() * scale));
                }
            }
        }
    }

    private static Shape scaled(Shape s, double f) {
        if (f == 1) {
            return s;
        }
        return switch (s) {
            case Shape.Capsule c -> new Shape.Capsule(c.a().times(f), c.b().times(f), c.r() * f, c.tone());
            case Shape.Disc d -> new Shape.Disc(d.centre().times(f), d.r() * f, d.tone());
            case Shape.Polygon p -> new Shape.Polygon(p.points().stream().map(v -> v.times(f)).toList(), p.tone());
            case Shape.Stroke st -> new Shape.Stroke(st.points().stream().map(v -> v.times(f)).toList(),
                    st.width() * f, st.tone());
        };
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
