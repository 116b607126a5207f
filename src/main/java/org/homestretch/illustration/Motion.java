package org.homestretch.illustration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A figure's movement from its start to its end pose as a row of in-between bodies. The joint
 * ANGLES are interpolated, never the points, so every limb keeps its length while it turns (a
 * point halfway along a straight line between a raised and a lowered knee would shorten the
 * thigh); each frame is then placed on the surface as a pose of its own, and checked like one.
 */
public final class Motion {

    /** Steps from the start to the end pose; the browser draws straight between them, too short to show. */
    static final int STEPS = 10;
    /** How far a contact may float or a part may dip at the surface, in body units (about a millimetre). */
    static final double TOLERANCE = 0.6;
    /** How much a limb may stretch or shrink in a frame, in body units. */
    static final double LENGTH_TOLERANCE = 0.05;

    private final FigureSpec spec;
    private final Surface surface;
    private final List<Body> frames;
    private final List<Shape> arrow;

    private Motion(FigureSpec spec, List<Body> frames, List<Shape> arrow) {
        this.spec = spec;
        this.surface = spec.surface();
        this.frames = List.copyOf(frames);
        this.arrow = List.copyOf(arrow);
    }

    /**
     * The movement of a two-pose figure, or a {@link PoseException} naming the frame and what
     * went wrong in it when an in-between pose cannot be drawn.
     */
    public static Motion of(FigureSpec spec) {
        Figure still = Figure.of(spec);
        if (still.bodies().size() != 2) {
            throw new PoseException("Only a figure with a start and an end pose moves.");
        }
        if (spec.view() != null) {
            // Its movement shows in the second view (from the feet or above), which a side-view
            // animation would lose; the still drawing with both views says more.
            throw new PoseException("A figure with a second view stays still.");
        }
        Pose a = still.bodies().getFirst().pose(), b = still.bodies().getLast().pose();
        List<Body> frames = new ArrayList<>();
        for (int i = 0; i <= STEPS; i++) {
            double t = ease((double) i / STEPS);
            frames.add(i == 0 ? still.bodies().getFirst() : i == STEPS ? still.bodies().getLast()
                    : frame(a, b, t, spec, i));
        }
        return new Motion(spec, frames, arrowOf(still));
    }

    /**
     * One in-between body: resting on the parts {@link #contacts} names, or, where that would put
     * a part through the surface (the hips just before they lift off in a bridge), on the
     * nearer pose's parts, then the other's. Every frame passes {@link #check}.
     */
    private static Body frame(Pose a, Pose b, double t, FigureSpec spec, int i) {
        PoseException first = null;
        for (List<String> contacts : new LinkedHashSet<>(List.of(contacts(a, b, t), (t < 0.5 ? a : b).contacts(),
                (t < 0.5 ? b : a).contacts()))) {
            try {
                Body body = Body.place(between(a, b, t, contacts), spec.anchorPoint());
                check(body, spec.surface());
                return body;
            } catch (PoseException e) {
                first = first == null ? e : first;
            }
        }
        throw new PoseException("Frame " + i + " of " + STEPS + ": " + first.getMessage());
    }

    /** The figure this movement is made from, for its props. */
    FigureSpec spec() {
        return spec;
    }

    public Surface surface() {
        return surface;
    }

    /** The placed bodies from the start pose (first) to the end pose (last), surface at y = 0. */
    public List<Body> frames() {
        return frames;
    }

    /** The still figure's arrow (side view, y up), drawn on the end pose where motion is off. */
    List<Shape> arrow() {
        return arrow;
    }

    /** Slow out of the start and into the end, as a controlled stretch moves. */
    static double ease(double t) {
        return (1 - Math.cos(Math.PI * t)) / 2;
    }

    /**
     * The pose a fraction {@code t} of the way from {@code a} to {@code b}, both already placed
     * (arms that reach solved, feet laid flat, trunk levelled), so the angles are the drawn ones.
     * A hand that holds the same point in both poses keeps holding it; what rests on the surface
     * is {@link #contacts}.
     */
    static Pose between(Pose a, Pose b, double t) {
        return between(a, b, t, contacts(a, b, t));
    }

    static Pose between(Pose a, Pose b, double t, List<String> contacts) {
        Pose near = t < 0.5 ? a : b;
        return new Pose(a.trunk() + Body.normalise(b.trunk() - a.trunk()) * t, lerp(a.lowerBack(), b.lowerBack(), t),
                lerp(a.neck(), b.neck(), t), side(a.near(), b.near(), t), side(a.far(), b.far(), t),
                contacts, near.roller(), near.strap());
    }

    /**
     * What rests on the surface on the way. When one pose rests on less than the other (a foot
     * lifts, the hips rise off the mat), the parts that leave the surface leave it at once and
     * lift slowly, so the in-between frames rest on the smaller set; otherwise the nearer pose's.
     */
    static List<String> contacts(Pose a, Pose b, double t) {
        if (t <= 0 || t >= 1) {
            return (t <= 0 ? a : b).contacts();
        }
        if (covers(a.contacts(), b.contacts())) {
            return b.contacts();
        }
        if (covers(b.contacts(), a.contacts())) {
            return a.contacts();
        }
        return (t < 0.5 ? a : b).contacts();
    }

    /** Whether every part in {@code inner} is one of {@code outer}'s, as a near foot is part of the feet. */
    private static boolean covers(List<String> outer, List<String> inner) {
        return inner.stream().allMatch(c -> outer.contains(c) || outer.stream().anyMatch(o -> part(o, c)));
    }

    private static boolean part(String whole, String part) {
        return switch (whole) {
            case "feet" -> part.equals("nearFoot") || part.equals("farFoot") || part.equals("toes");
            case "knees" -> part.equals("nearKnee") || part.equals("farKnee");
            case "shins" -> part.equals("nearShin") || part.equals("farShin") || part.equals("knees")
                    || part.equals("nearKnee") || part.equals("farKnee");
            case "hands" -> part.equals("nearHand") || part.equals("farHand");
            case "back" -> part.equals("shoulders") || part.equals("bottom");
            case "chest" -> part.equals("shoulders");
            default -> false;
        };
    }

    private static Pose.Side side(Pose.Side a, Pose.Side b, double t) {
        String reach = a.reach() != null && a.reach().equals(b.reach()) ? a.reach() : null;
        return new Pose.Side(lerp(a.hip(), b.hip(), t), lerp(a.knee(), b.knee(), t), lerp(a.ankle(), b.ankle(), t),
                lerp(a.shoulder(), b.shoulder(), t), lerp(a.elbow(), b.elbow(), t), lerp(a.legRoll(), b.legRoll(), t),
                lerp(a.armRoll(), b.armRoll(), t), reach, lerp(a.hipTurn(), b.hipTurn(), t));
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    /** The segments of the body with their fixed lengths; each leg hangs from its own hip joint. */
    static final Map<String, Double> SEGMENTS = Map.ofEntries(
            Map.entry("hip>waist", Body.PELVIS), Map.entry("waist>shoulder", Body.CHEST),
            Map.entry("shoulder>head", Body.NECK),
            Map.entry("nearHip>nearKnee", Body.THIGH), Map.entry("farHip>farKnee", Body.THIGH),
            Map.entry("nearKnee>nearAnkle", Body.SHIN), Map.entry("farKnee>farAnkle", Body.SHIN),
            Map.entry("nearAnkle>nearToe", Body.FOOT), Map.entry("farAnkle>farToe", Body.FOOT),
            Map.entry("nearShoulder>nearElbow", Body.UPPER_ARM), Map.entry("farShoulder>farElbow", Body.UPPER_ARM),
            Map.entry("nearElbow>nearWrist", Body.FOREARM), Map.entry("farElbow>farWrist", Body.FOREARM));

    /**
     * The pose model's rules for one drawn body: every limb at its length, every named contact on
     * the surface, and nothing through it (except past a bed's edge). Refuses with the reason.
     */
    static void check(Body body, Surface surface) {
        SEGMENTS.forEach((segment, length) -> {
            String[] ends = segment.split(">");
            double actual = point(body, ends[1]).minus(point(body, ends[0])).length();
            if (Math.abs(actual - length) > LENGTH_TOLERANCE) {
                throw new PoseException("The " + segment + " segment is " + actual + " long instead of " + length + ".");
            }
        });
        for (String contact : body.pose().contacts()) {
            if (Math.abs(body.low(contact)) > TOLERANCE) {
                throw new PoseException("The " + contact + " should rest on the surface but is " + body.low(contact)
                        + " above it.");
            }
        }
        for (Shape shape : body.shapes()) {
            Bounds b = Bounds.of(shape);
            boolean overTheEdge = surface == Surface.BED_EDGE && b.maxX() > Surface.EDGE_X;
            // Paper-coloured rims are outlines, not body, and may overlap the surface line.
            if (shape.tone() != Tone.PAPER && !overTheEdge && b.minY() < -TOLERANCE) {
                throw new PoseException("A part goes " + (-b.minY()) + " units through the surface: " + shape + ".");
            }
        }
    }

    /** A leg's hip joint sits a little to the side of the pelvis' middle. */
    private static Vec point(Body body, String name) {
        return switch (name) {
            case "nearHip" -> body.point("hip").plus(new Vec(0, 0, 9));
            case "farHip" -> body.point("hip").plus(new Vec(0, 0, -9));
            default -> body.point(name);
        };
    }

    /** The arrow's shapes: what the last panel adds after its surface and body. */
    private static List<Shape> arrowOf(Figure still) {
        List<List<Shape>> panels = still.panels();
        int ground = panels.getFirst().size() - still.bodies().getFirst().shapes().size();
        List<Shape> last = panels.getLast();
        return last.subList(ground + still.bodies().getLast().shapes().size(), last.size());
    }
}
