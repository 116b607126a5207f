package org.homestretch.illustration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.homestretch.illustration.Body.*;

/**
 * Puts a pose on its surface: arms that reach for a body point are solved first, then the body is
 * turned until its first two contacts touch together and feet that rest on the surface are laid
 * flat, and finally it is lowered onto the surface with the anchor at x = 0.
 */
final class Placement {

    private Placement() {
    }
    /** The pose resting on the surface, {@code anchor} (a point that stays put during the movement) at x = 0. */
    static Body place(Pose pose, String anchor) {
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
            p = p.withSides(floorReach(body, "near", p.near(), lowest, p), floorReach(body, "far", p.far(), lowest, p));
            body = at(p);
        }
        Vec shift = new Vec(-body.point(anchor).x(), -lowest);
        Map<String, Vec> moved = new LinkedHashMap<>();
        body.points().forEach((name, v) -> moved.put(name, v.plus(shift)));
        return new Body(p, moved);
    }

    /** Two-link reach: the shoulder and elbow that put the hand on the named point, elbow bending forward. */
    private static Pose reach(Pose pose) {
        if (pose.near().reach() == null && pose.far().reach() == null) {
            return pose;
        }
        Body body = at(pose);
        Pose.Side near = solveArm(body, "near", pose.near(), pose);
        Pose.Side far = solveArm(body, "far", pose.far(), pose);
        return pose.withSides(near, far);
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
        return p.withTrunk(trunk);
    }

    /**
     * Shins and feet that rest on the surface lie flat on it: a kneeling shin along the floor with
     * the top of the foot down, a standing foot with heel and toes down.
     */
    private static Pose flattenFeet(Pose p) {
        return p.withSides(flatten(p, "near", p.near()), flatten(p, "far", p.far()));
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

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }

}
