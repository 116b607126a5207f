package org.homestretch.illustration;

import org.homestretch.base.XmlText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Motion} as one self-contained SVG with no script: start → end → hold → back →
 * a short rest, looping. Each limb is a path whose outline SMIL ({@code <animate>} of {@code d})
 * moves through the frames, which Chromium, Safari and Firefox all play; between two frames the
 * browser draws straight, at most a few degrees of turn, which does not show. Where the reader
 * asks for reduced motion, and in print, a style inside the SVG hides the moving body and shows
 * the still one: the end pose with the figure's arrow, as the still figure's last panel.
 *
 * <p>Each distinct limb outline is written once (in {@code defs}) and drawn by {@code <use>}
 * twice, as its paper-coloured rim and as the limb, so the markup stays small. Ids start with a
 * hash of the content, so several figures on one page never point at each other's limbs.
 */
public final class MotionSvg {

    /** Seconds from start to end pose, and from end back to start. Slow, as a controlled stretch is. */
    static final double MOVE = 2;
    /** Seconds at the start pose before the next round. */
    static final double REST = 1;
    /**
     * The longest hold shown, in seconds. A 30 s hold played in full would look like a frozen
     * picture; the hold timer counts the real time. A moving exercise (no hold) pauses briefly.
     */
    static final double LONGEST_HOLD = 5, NO_HOLD = 0.5;

    /** Hides the moving body or the still one; the same rules in every figure, so repeats on a page do no harm. */
    static final String STYLE = ".hs-still{display:none}@media (prefers-reduced-motion:reduce),print"
            + "{.hs-moving{display:none}.hs-still{display:inline}}";

    private MotionSvg() {
    }

    /** The seconds of hold the animation shows for a prescribed hold. */
    public static double shownHold(int holdSeconds) {
        return holdSeconds <= 0 ? NO_HOLD : Math.min(holdSeconds, LONGEST_HOLD);
    }

    /** The moving figure labelled {@code label} (escaped; the only text in the markup besides the style). */
    public static String write(Motion motion, String label, int holdSeconds) {
        List<Body> frames = motion.frames();
        // One frame holds the surface, every frame's body and the arrow; all drawn at the same place.
        Bounds people = Bounds.of(motion.arrow());
        for (Body b : frames) {
            people = people.union(Bounds.of(b.shapes()));
        }
        // The surface and props (chair, wall, step) as the still drawing fits them to the start pose.
        List<Shape> ground = Props.side(motion.spec(), frames, people);
        Bounds frame = people.union(Bounds.of(ground));
        double dx = Figure.PAD - frame.minX(), top = Figure.PAD + frame.maxY();
        double width = frame.width() + 2 * Figure.PAD, height = frame.height() + 2 * Figure.PAD;

        double hold = shownHold(holdSeconds);
        double total = 2 * MOVE + hold + REST;
        String keyTimes = keyTimes(frames.size() - 1, hold, total);

        StringBuilder defs = new StringBuilder(), moving = new StringBuilder(), still = new StringBuilder();
        List<String> outlines = new ArrayList<>();
        int shapes = frames.getFirst().shapes().size();
        for (Body b : frames) {
            if (b.shapes().size() != shapes) {
                throw new PoseException("Every frame needs the same parts to move; a roller or strap comes and goes.");
            }
        }
        for (int i = 0; i < shapes; i++) {
            List<String> path = new ArrayList<>();
            for (Body b : frames) {
                path.add(outline(b.shapes().get(i), dx, top));
            }
            String key = String.join(";", path);
            int id = outlines.indexOf(key);
            if (id < 0) {
                id = outlines.size();
                outlines.add(key);
                defs.append("<path id=\"@").append(id).append("\" d=\"").append(path.getFirst()).append('"');
                if (path.stream().allMatch(p -> p.equals(path.getFirst()))) {
                    defs.append("/>");
                } else {
                    defs.append("><animate attributeName=\"d\" values=\"").append(values(path))
                            .append("\" keyTimes=\"").append(keyTimes).append("\" dur=\"").append(n(total))
                            .append("s\" repeatCount=\"indefinite\"/></path>");
                }
            }
            Shape s = frames.getFirst().shapes().get(i);
            moving.append("<use href=\"#@").append(id).append("\" stroke=\"").append(s.tone().hex)
                    .append("\" stroke-width=\"").append(n(width(s))).append("\"/>");
        }
        for (Shape s : frames.getLast().shapes()) {
            still.append(shape(s, dx, top));
        }
        for (Shape s : motion.arrow()) {
            still.append(shape(s, dx, top));
        }
        StringBuilder body = new StringBuilder(16_384);
        body.append("<style>").append(STYLE).append("</style><defs>").append(defs).append("</defs>");
        for (Shape s : ground) {
            body.append(shape(s, dx, top));
        }
        body.append("<g class=\"hs-moving\" fill=\"none\" stroke-linecap=\"round\">").append(moving).append("</g>")
                .append("<g class=\"hs-still\" stroke-linecap=\"round\" stroke-linejoin=\"round\">").append(still)
                .append("</g></svg>");
        // Ids from the drawing: the same figure twice on a page is the same drawing, any other differs.
        String prefix = "m" + Integer.toHexString(body.toString().hashCode());
        String name = XmlText.escape(label);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n(width) + " " + n(height)
                + "\" role=\"img\" aria-label=\"" + name + "\" class=\"hs-figure hs-figure-moving\"><title>" + name
                + "</title>" + body.toString().replace("\"@", "\"" + prefix + "-").replace("#@", "#" + prefix + "-");
    }

    /**
     * Start to end in {@code steps} even steps (the frames are eased already), the hold at the
     * end pose, the same steps back, and the rest at the start.
     */
    static String keyTimes(int steps, double hold, double total) {
        List<String> times = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            times.add(k(MOVE * i / steps / total));
        }
        double back = MOVE + hold;
        for (int i = 0; i <= steps; i++) {
            times.add(k((back + MOVE * i / steps) / total));
        }
        times.add("1");
        return String.join(";", times);
    }

    /** Forward through the frames, hold on the last, back, rest on the first. */
    private static String values(List<String> path) {
        List<String> out = new ArrayList<>(path);
        for (int i = path.size() - 1; i >= 0; i--) {
            out.add(path.get(i));
        }
        out.add(path.getFirst());
        return String.join(";", out);
    }

    /** A limb as a path from end to end; a disc as a dot, a very short path with round ends. */
    private static String outline(Shape s, double dx, double top) {
        return switch (s) {
            case Shape.Capsule c -> "M" + xy(c.a(), dx, top) + "L" + xy(c.b(), dx, top);
            case Shape.Disc d -> "M" + xy(d.centre(), dx, top) + "h.01";
            case Shape.Stroke st -> {
                StringBuilder p = new StringBuilder();
                for (int i = 0; i < st.points().size(); i++) {
                    p.append(i == 0 ? 'M' : 'L').append(xy(st.points().get(i), dx, top));
                }
                yield p.toString();
            }
            case Shape.Polygon p -> throw new PoseException("A body has no flat shapes to move: " + p);
        };
    }

    private static double width(Shape s) {
        return switch (s) {
            case Shape.Capsule c -> 2 * c.r();
            case Shape.Disc d -> 2 * d.r();
            case Shape.Stroke st -> st.width();
            case Shape.Polygon p -> 0;
        };
    }

    /** A still shape, drawn as the still figure draws it. */
    private static String shape(Shape s, double dx, double top) {
        String hex = s.tone().hex;
        return switch (s) {
            case Shape.Capsule c -> "<path d=\"" + outline(c, dx, top) + "\" stroke=\"" + hex + "\" stroke-width=\""
                    + n(2 * c.r()) + "\"/>";
            case Shape.Disc d -> "<circle cx=\"" + n(d.centre().x() + dx) + "\" cy=\"" + n(top - d.centre().y())
                    + "\" r=\"" + n(d.r()) + "\" fill=\"" + hex + "\"/>";
            case Shape.Stroke st -> "<path d=\"" + outline(st, dx, top) + "\" fill=\"none\" stroke=\"" + hex
                    + "\" stroke-width=\"" + n(st.width()) + "\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>";
            case Shape.Polygon p -> {
                StringBuilder d = new StringBuilder();
                for (int i = 0; i < p.points().size(); i++) {
                    d.append(i == 0 ? 'M' : 'L').append(xy(p.points().get(i), dx, top));
                }
                yield "<path d=\"" + d + "Z\" fill=\"" + hex + "\" stroke=\"" + hex
                        + "\" stroke-width=\"2\" stroke-linejoin=\"round\"/>";
            }
        };
    }

    private static String xy(Vec v, double dx, double top) {
        return n(v.x() + dx) + " " + n(top - v.y());
    }

    private static String k(double v) {
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** One decimal, as the still figure: finer than any screen shows at these sizes. */
    private static String n(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s.equals("-0") ? "0" : s;
    }
}
