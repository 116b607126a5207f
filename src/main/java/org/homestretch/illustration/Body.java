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
    private static final double HIP_Z = 9, SHOULDER_Z = 16;

    private final Pose pose;
    private final Map<String, Vec> points;

    private Body(Pose pose, Map<String, Vec> points) {
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
        return place(pose, "hip");
    }

    /** As {@link #place(Pose)}, with {@code anchor} (a point that stays put during the movement) at x = 0. */
    public static Body place(Pose pose, String anchor) {
        Pose p = reach(pose);
        // Laying a shin or a foot flat moves the contact a little, so level and flatten until both settle.
        for (int round = 0; round < 20; round++) {
            double before = p.trunk();
            p = flattenFeet(level(p));
            if (round > 0 && Math.abs(p.trunk() - before) < 1e-3) {
                break;
            }
        }
        Body body = at(p);
        double lowest = p.contacts().isEmpty() ? body.lowestPoint() : body.lowestContact();
        if (isFloor(p.near().reach()) || isFloor(p.far().reach())) {
            p = new Pose(p.trunk(), p.lowerBack(), p.neck(), floorReach(body, "near", p.near(), lowest, p),
                    floorReach(body, "far", p.far(), lowest, p), p.contacts(), p.roller(), p.strap());
            body = at(p);
        }
        Vec shift = new Vec(-body.point(anchor).x(), -lowest);
        Map<String, Vec> moved = new LinkedHashMap<>();
        body.points.forEach((name, v) -> moved.put(name, v.plus(shift)));
        return new Body(p, moved);
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
        arm(pts, "near", p.near(), shoulder.minus(chestUp.times(SHOULDER_DROP)), chestUp, SHOULDER_Z);
        arm(pts, "far", p.far(), shoulder.minus(chestUp.times(SHOULDER_DROP)), chestUp, -SHOULDER_Z);
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

    private static void arm(Map<String, Vec> pts, String side, Pose.Side s, Vec joint, Vec chestUp, double z) {
        Vec upper = chestUp.times(-1).rotate(s.shoulder());
        Vec fore = upper.rotate(s.elbow());
        Vec elbow = upper.times(UPPER_ARM);
        Vec wrist = elbow.plus(fore.times(FOREARM));
        Vec hand = wrist.plus(fore.times(HAND_OFFSET));
        Vec base = new Vec(joint.x(), joint.y(), z);
        pts.put(side + "Shoulder", base);
        pts.put(side + "Elbow", base.plus(roll(elbow, chestUp, s.armRoll())));
        pts.put(side + "Wrist", base.plus(roll(wrist, chestUp, s.armRoll())));
        pts.put(side + "Hand", base.plus(roll(hand, chestUp, s.armRoll())));
    }

    /**
     * Turns a limb point about the body's long axis: the part across the axis swings toward the
     * viewer, so in the side view it looks shorter while its length in space stays the same.
     */
    private static Vec roll(Vec p, Vec axis, double degrees) {
        return degrees == 0 ? p : turn(p, axis, degrees);
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

    /** Two-link reach: the shoulder and elbow that put the hand on the named point, elbow bending forward. */
    private static Pose reach(Pose pose) {
        if (pose.near().reach() == null && pose.far().reach() == null) {
            return pose;
        }
        Body body = at(pose);
        Pose.Side near = solveArm(body, "near", pose.near(), pose);
        Pose.Side far = solveArm(body, "far", pose.far(), pose);
        return new Pose(pose.trunk(), pose.lowerBack(), pose.neck(), near, far, pose.contacts(), pose.roller(),
                pose.strap());
    }

    private static boolean isFloor(String reach) {
        return "floorAhead".equals(reach) || "floorBehind".equals(reach);
    }

    /** A hand on the surface a little ahead of or behind the shoulder, once the body rests where it will. */
    private static Pose.Side floorReach(Body body, String side, Pose.Side s, double floor, Pose pose) {
        if (!isFloor(s.reach())) {
            return s;
        }
        Vec joint = body.point(side + "Shoulder").flat();
        double reach = UPPER_ARM + FOREARM + HAND_OFFSET;
        double height = joint.y() - floor - HAND_R;
        // Nearly straight, as an arm that props the body up is, and not far from under the shoulder.
        double along = Math.min(reach * 0.3, Math.sqrt(Math.max(0, reach * reach * 0.94 - height * height)));
        Vec target = new Vec(joint.x() + ("floorAhead".equals(s.reach()) ? along : -along), floor + HAND_R);
        return solveArm(joint, target, side, s, pose);
    }

    private static Pose.Side solveArm(Body body, String side, Pose.Side s, Pose pose) {
        if (s.reach() == null || isFloor(s.reach())) {
            return s;
        }
        return solveArm(body.point(side + "Shoulder").flat(), body.point(s.reach()).flat(), side, s, pose);
    }

    private static Pose.Side solveArm(Vec joint, Vec target, String side, Pose.Side s, Pose pose) {
        double a = UPPER_ARM, b = FOREARM + HAND_OFFSET;
        Vec to = target.minus(joint);
        double d = Math.min(to.flatLength(), a + b - 0.01);
        double inner = Math.toDegrees(Math.acos(clamp((a * a + d * d - b * b) / (2 * a * d))));
        double elbow = 180 - Math.toDegrees(Math.acos(clamp((a * a + b * b - d * d) / (2 * a * b))));
        Vec down = Vec.direction(pose.trunk()).rotate(-pose.lowerBack()).times(-1);
        // The elbow bends forward, so the upper arm lies clockwise of the line to the hand.
        double upperAngle = to.angle() - inner;
        double shoulder = normalise(upperAngle - down.angle());
        Pose.Side solved = s.withArm(shoulder, elbow);
        solved.check(side);
        return solved;
    }

    /** Turns the body (its trunk angle) until the first two contacts touch the surface together. */
    private static Pose level(Pose p) {
        if (p.contacts().size() < 2) {
            return p;
        }
        String first = p.contacts().get(0), second = p.contacts().get(1);
        double best = Double.NaN;
        double previous = gap(p, 0, first, second);
        for (double step = 0.5; step <= 75 && Double.isNaN(best); step += 0.5) {
            for (double sign : new double[]{1, -1}) {
                double lo = sign * (step - 0.5), hi = sign * step;
                double gLo = gap(p, lo, first, second), gHi = gap(p, hi, first, second);
                if (Math.signum(gLo) != Math.signum(gHi) || gHi == 0) {
                    best = bisect(p, lo, hi, first, second);
                    break;
                }
            }
        }
        if (Double.isNaN(best)) {
            throw new PoseException("The " + first + " and the " + second + " cannot both rest on the surface in this "
                    + "pose: the " + (previous > 0 ? first : second) + " cannot reach it. Change the joint angles.");
        }
        return withTrunk(p, p.trunk() + best);
    }

    private static double bisect(Pose p, double lo, double hi, String first, String second) {
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            if (Math.signum(gap(p, mid, first, second)) == Math.signum(gap(p, lo, first, second))) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static double gap(Pose p, double turn, String first, String second) {
        Body b = at(withTrunk(p, p.trunk() + turn));
        return b.low(first) - b.low(second);
    }

    private static Pose withTrunk(Pose p, double trunk) {
        return new Pose(trunk, p.lowerBack(), p.neck(), p.near(), p.far(), p.contacts(), p.roller(), p.strap());
    }

    /**
     * Shins and feet that rest on the surface lie flat on it: a kneeling shin along the floor with
     * the top of the foot down, a standing foot with heel and toes down.
     */
    private static Pose flattenFeet(Pose p) {
        return new Pose(p.trunk(), p.lowerBack(), p.neck(), flatten(p, "near", p.near()), flatten(p, "far", p.far()),
                p.contacts(), p.roller(), p.strap());
    }

    private static Pose.Side flatten(Pose p, String side, Pose.Side s) {
        if (s.legRoll() != 0 || s.hipTurn() != 0) {
            return s;
        }
        List<String> c = p.contacts();
        Pose.Side out = s;
        if (c.contains("shins") || c.contains(side + "Shin")) {
            Vec thigh = Vec.direction(p.trunk()).times(-1).rotate(s.hip());
            Vec shin = thigh.rotate(-s.knee());
            double knee = normalise(thigh.angle() - (shin.x() >= 0 ? 0 : 180));
            out = new Pose.Side(s.hip(), knee < 0 ? 0 : knee, s.ankle(), s.shoulder(), s.elbow(), s.legRoll(),
                    s.armRoll(), s.reach(), s.hipTurn());
            out.check(side);
        }
        if (c.contains("feet") || c.contains(side + "Foot")) {
            out = flatFoot(p, side, out);
        }
        return out;
    }

    private static Pose.Side flatFoot(Pose p, String side, Pose.Side s) {
        Vec up = Vec.direction(p.trunk());
        Vec shin = up.times(-1).rotate(s.hip()).rotate(-s.knee());
        // The heel (end of the shin) is thicker than the toes, so the foot slopes a little to lie flat.
        double slope = Math.toDegrees(Math.asin((LEG_R - FOOT_R) / FOOT));
        double forward = Math.cos(Math.toRadians(shin.rotate(90 - s.ankle()).angle())) >= 0 ? 1 : -1;
        double footAngle = forward > 0 ? -slope : 180 + slope;
        double ankle = normalise(90 - (footAngle - shin.angle()));
        Pose.Side flat = s.withAnkle(ankle);
        flat.check(side);
        return flat;
    }

    /** The lowest height reached by a contact. */
    double low(String contact) {
        double low = Double.POSITIVE_INFINITY;
        for (Circle c : contact(contact)) {
            low = Math.min(low, c.centre().y() - c.r());
        }
        return low;
    }

    private double lowestContact() {
        return pose.contacts().stream().mapToDouble(this::low).min().orElse(0);
    }

    private double lowestPoint() {
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

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
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
