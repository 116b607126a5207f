package org.homestretch.illustration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pose turned into points and shapes. Every length is a fixed proportion of a body about 175
 * units tall, so the same figure looks the same in every exercise. The surface is y = 0 and the
 * hip joint (or another point that stays put during the movement) sits at x = 0.
 */
public final class Body {

    // Proportions, in units of about a centimetre.
    public static final double PELVIS = 18, CHEST = 34, NECK = 17;
    public static final double THIGH = 43, SHIN = 42, FOOT = 17;
    public static final double UPPER_ARM = 28, FOREARM = 24, HAND_OFFSET = 4;
    static final double PELVIS_R = 12.5, CHEST_R = 12, NECK_R = 5, HEAD_R = 10.5;
    static final double LEG_R = 6.5, FOOT_R = 4, ARM_R = 5, HAND_R = 5.5;
    static final double SHOULDER_DROP = 6, ROLLER_R = 8, HALO = 1.6;
    static final double HIP_Z = 9, SHOULDER_Z = 16;

    private final Pose pose;
    private final Map<String, Vec> points;

    Body(Pose pose, Map<String, Vec> points) {
        this.pose = pose;
        this.points = points;
    }

    public Pose pose() {
        return pose;
    }

    /** A named joint or body point, such as "hip", "nearKnee" or "farHand". */
    public Vec point(String name) {
        Vec p = points.get(name);
        if (p == null) {
            throw new PoseException("Unknown body point \"" + name + "\": use one of " + points.keySet() + ".");
        }
        return p;
    }

    public Map<String, Vec> points() {
        return Map.copyOf(points);
    }

    /**
     * The pose resting on the surface: arms that reach for a body point are solved first, then the
     * body is turned until its first two contacts touch together and feet that rest on the
     * surface are laid flat, and finally it is lowered onto the surface with the hip at x = 0.
     */
    public static Body place(Pose pose) {
        return Placement.place(pose, "hip");
    }

    /** As {@link #place(Pose)}, with {@code anchor} (a point that stays put during the movement) at x = 0. */
    public static Body place(Pose pose, String anchor) {
        return Placement.place(pose, anchor);
    }


    /** Forward kinematics: the pose as it stands, hip at the origin, not yet on any surface. */
    static Body at(Pose p) {
        Map<String, Vec> pts = new LinkedHashMap<>();
        Vec up = Vec.direction(p.trunk());
        Vec hip = Vec.ZERO;
        Vec waist = hip.plus(up.times(PELVIS));
        // A forward bend turns the chest toward the belly side, which is clockwise for a figure facing right.
        Vec chestUp = up.rotate(-p.lowerBack());
        Vec shoulder = waist.plus(chestUp.times(CHEST));
        Vec head = shoulder.plus(chestUp.rotate(-p.neck()).times(NECK));
        pts.put("hip", hip);
        pts.put("pelvis", hip);
        pts.put("waist", waist);
        pts.put("shoulder", shoulder);
        pts.put("head", head);
        leg(pts, "near", p.near(), hip, up, HIP_Z);
        leg(pts, "far", p.far(), hip, up, -HIP_Z);
        Vec spine = shoulder.minus(chestUp.times(SHOULDER_DROP));
        arm(pts, "near", p.near(), spine, chestUp, SHOULDER_Z, p.twist());
        arm(pts, "far", p.far(), spine, chestUp, -SHOULDER_Z, p.twist());
        if (p.sideBend() != 0) {
            // A side bend tips everything above the waist toward one side, about the line from back to belly.
            Vec front = up.rotate(-90);
            for (String name : List.of("shoulder", "head", "nearShoulder", "nearElbow", "nearWrist", "nearHand",
                    "farShoulder", "farElbow", "farWrist", "farHand")) {
                pts.put(name, waist.plus(roll(pts.get(name).minus(waist), front, -p.sideBend())));
            }
        }
        if (p.roller() != null) {
            Vec part = pts.get(p.roller());
            if (part == null) {
                throw new PoseException("The roller lies under an unknown body point \"" + p.roller() + "\".");
            }
            pts.put("roller", part.minus(new Vec(0, partRadius(p.roller()) + ROLLER_R)).flat());
        }
        return new Body(p, pts);
    }

    private static void leg(Map<String, Vec> pts, String side, Pose.Side s, Vec hip, Vec up, double z) {
        Vec thigh = up.times(-1).rotate(s.hip());
        Vec shin = thigh.rotate(-s.knee());
        Vec foot = shin.rotate(90 - s.ankle());
        Vec knee = thigh.times(THIGH);
        Vec ankle = knee.plus(shin.times(SHIN));
        Vec toe = ankle.plus(foot.times(FOOT));
        if (s.hipTurn() != 0) {
            // Hip rotation with the knee bent: the shin and foot swing about the thigh, out of the side view.
            ankle = knee.plus(turn(ankle.minus(knee), thigh, -s.hipTurn()));
            toe = knee.plus(turn(toe.minus(knee), thigh, -s.hipTurn()));
        }
        Vec base = new Vec(hip.x(), hip.y(), z);
        pts.put(side + "Knee", base.plus(roll(knee, up, s.legRoll())));
        pts.put(side + "Ankle", base.plus(roll(ankle, up, s.legRoll())));
        pts.put(side + "Toe", base.plus(roll(toe, up, s.legRoll())));
    }

    /**
     * One arm from the spine between the shoulders. A twist turns the shoulders and both arms about
     * the chest's long axis (positive toward the near side), as when turning to look behind.
     */
    private static void arm(Map<String, Vec> pts, String side, Pose.Side s, Vec spine, Vec chestUp, double z,
                            double twist) {
        Vec upper = chestUp.times(-1).rotate(s.shoulder());
        Vec fore = upper.rotate(s.elbow());
        Vec elbow = upper.times(UPPER_ARM);
        Vec wrist = elbow.plus(fore.times(FOREARM));
        Vec hand = wrist.plus(fore.times(HAND_OFFSET));
        Vec offset = new Vec(0, 0, z);
        pts.put(side + "Shoulder", spine.plus(roll(offset, chestUp, twist)));
        pts.put(side + "Elbow", spine.plus(roll(offset.plus(roll(elbow, chestUp, s.armRoll())), chestUp, twist)));
        pts.put(side + "Wrist", spine.plus(roll(offset.plus(roll(wrist, chestUp, s.armRoll())), chestUp, twist)));
        pts.put(side + "Hand", spine.plus(roll(offset.plus(roll(hand, chestUp, s.armRoll())), chestUp, twist)));
    }

    /**
     * Turns a limb point about the body's long axis: the part across the axis swings toward the
     * viewer, so in the side view it looks shorter while its length in space stays the same.
     */
    private static Vec roll(Vec p, Vec axis, double degrees) {
        // A positive turn about an axis pointing toward the head swings the front of a limb to the
        // body's left; the viewer looks at its right side, so the sign is flipped.
        return degrees == 0 ? p : turn(p, axis, -degrees);
    }

    /**
     * A true rotation of {@code p} about the unit {@code axis} (which lies in the side view): points
     * on either side of the axis swing to opposite depths, and lengths in space stay the same.
     */
    static Vec turn(Vec p, Vec axis, double degrees) {
        double r = Math.toRadians(degrees);
        double c = Math.cos(r), s = Math.sin(r);
        Vec cross = new Vec(axis.y() * p.z() - axis.z() * p.y(), axis.z() * p.x() - axis.x() * p.z(),
                axis.x() * p.y() - axis.y() * p.x());
        return p.times(c).plus(cross.times(s)).plus(axis.times(axis.dot(p) * (1 - c)));
    }


    /** The lowest height reached by a contact. */
    double low(String contact) {
        double low = Double.POSITIVE_INFINITY;
        for (Circle c : contact(contact)) {
            low = Math.min(low, c.centre().y() - c.r());
        }
        return low;
    }

    double lowestContact() {
        return pose.contacts().stream().mapToDouble(this::low).min().orElse(0);
    }

    double lowestPoint() {
        return Bounds.of(shapes()).minY();
    }

    record Circle(Vec centre, double r) {
    }

    /** The round ends of the parts a contact rests on; the lowest of them is what touches. */
    List<Circle> contact(String name) {
        return switch (name) {
            case "back" -> circles(PELVIS_R, "hip", "waist").and(CHEST_R, "shoulder");
            case "chest" -> circles(CHEST_R, "waist", "shoulder");
            case "shoulders" -> circles(CHEST_R, "shoulder");
            case "bottom" -> circles(PELVIS_R, "hip");
            case "head" -> circles(HEAD_R, "head");
            case "feet" -> circles(LEG_R, "nearAnkle", "farAnkle").and(FOOT_R, "nearToe", "farToe");
            case "nearFoot", "farFoot" -> {
                String side = name.substring(0, name.length() - 4);
                yield circles(LEG_R, side + "Ankle").and(FOOT_R, side + "Toe");
            }
            case "knees" -> circles(LEG_R, "nearKnee", "farKnee");
            case "nearKnee", "farKnee" -> circles(LEG_R, name);
            case "shins" -> circles(LEG_R, "nearKnee", "nearAnkle", "farKnee", "farAnkle");
            case "nearShin", "farShin" -> {
                String side = name.substring(0, name.length() - 4);
                yield circles(LEG_R, side + "Knee", side + "Ankle");
            }
            case "hands" -> circles(HAND_R, "nearHand", "farHand");
            case "nearHand", "farHand" -> circles(HAND_R, name);
            case "forearms" -> circles(ARM_R, "nearElbow", "nearWrist", "farElbow", "farWrist");
            case "toes" -> circles(FOOT_R, "nearToe", "farToe");
            case "nearToe", "farToe" -> circles(FOOT_R, name);
            case "nearHeel", "farHeel" -> circles(LEG_R, name.substring(0, name.length() - 4) + "Ankle");
            case "roller" -> circles(ROLLER_R, "roller");
            default -> throw new PoseException("Unknown contact \"" + name + "\".");
        };
    }

    private Circles circles(double r, String... names) {
        Circles list = new Circles();
        return list.and(r, names);
    }

    private final class Circles extends ArrayList<Circle> {
        Circles and(double r, String... names) {
            for (String n : names) {
                add(new Circle(point(n), r));
            }
            return this;
        }
    }

    private static double partRadius(String point) {
        return switch (point) {
            case "hip", "pelvis" -> PELVIS_R;
            case "waist", "shoulder" -> CHEST_R;
            case "head" -> HEAD_R;
            default -> point.endsWith("Knee") || point.endsWith("Ankle") ? LEG_R : ARM_R;
        };
    }

    /**
     * The figure as shapes in the side view (y up): far limbs in the lighter tone behind, then the
     * trunk and head, then the near leg and the near arm in front. Each front group gets a thin
     * paper-coloured rim so that overlapping parts stay apart.
     */
    public List<Shape> shapes() {
        List<Shape> out = new ArrayList<>();
        if (pose.roller() != null) {
            Vec c = point("roller");
            out.add(new Shape.Disc(c, ROLLER_R, Tone.PROP));
            out.add(new Shape.Disc(c, ROLLER_R * 0.4, Tone.SURFACE));
        }
        group(out, arm("far", Tone.FAR), false);
        group(out, leg("far", Tone.FAR), false);
        group(out, List.of(
                new Shape.Capsule(point("hip"), point("waist"), PELVIS_R, Tone.NEAR),
                new Shape.Capsule(point("waist"), point("shoulder"), CHEST_R, Tone.NEAR),
                new Shape.Capsule(point("shoulder"), point("head"), NECK_R, Tone.NEAR),
                new Shape.Disc(point("head"), HEAD_R, Tone.NEAR)), true);
        group(out, leg("near", Tone.NEAR), true);
        if (pose.strap()) {
            out.add(new Shape.Stroke(List.of(point("nearHand"), point("nearToe")), 2.4, Tone.FAR));
        }
        group(out, arm("near", Tone.NEAR), true);
        return out;
    }

    private List<Shape> leg(String side, Tone tone) {
        return List.of(
                new Shape.Capsule(point("hip"), point(side + "Knee"), LEG_R, tone),
                new Shape.Capsule(point(side + "Knee"), point(side + "Ankle"), LEG_R, tone),
                new Shape.Capsule(point(side + "Ankle"), point(side + "Toe"), FOOT_R, tone));
    }

    private List<Shape> arm(String side, Tone tone) {
        return List.of(
                new Shape.Capsule(point(side + "Shoulder"), point(side + "Elbow"), ARM_R, tone),
                new Shape.Capsule(point(side + "Elbow"), point(side + "Wrist"), ARM_R, tone),
                new Shape.Disc(point(side + "Hand"), HAND_R, tone));
    }

    private static void group(List<Shape> out, List<Shape> parts, boolean halo) {
        if (halo) {
            for (Shape s : parts) {
                out.add(switch (s) {
                    case Shape.Capsule c -> new Shape.Capsule(c.a(), c.b(), c.r() + HALO, Tone.PAPER);
                    case Shape.Disc d -> new Shape.Disc(d.centre(), d.r() + HALO, Tone.PAPER);
                    default -> s;
                });
            }
        }
        out.addAll(parts);
    }

    /** An angle folded into (-180, 180]. */
    static double normalise(double degrees) {
        double d = degrees % 360;
        if (d > 180) {
            d -= 360;
        } else if (d <= -180) {
            d += 360;
        }
        return d;
    }
}
