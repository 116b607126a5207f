package org.homestretch.illustration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A projected body as shapes: the limbs and the trunk as groups, painted from the farthest to the
 * nearest, each with a thin paper-coloured rim so that a limb in front of another stays apart. The
 * body's left limbs keep the lighter tone of the side view, so left and right read the same way in
 * both panels.
 */
final class ViewShapes {

    private ViewShapes() {
    }

    static List<Shape> of(Body b) {
        List<List<Shape>> groups = new ArrayList<>(List.of(
                arm(b, "far", Tone.FAR), leg(b, "far", Tone.FAR), trunk(b), leg(b, "near", Tone.NEAR),
                arm(b, "near", Tone.NEAR)));
        groups.sort(Comparator.comparingDouble(ViewShapes::depth));
        List<Shape> out = new ArrayList<>();
        for (List<Shape> group : groups) {
            for (Shape s : group) {
                out.add(switch (s) {
                    case Shape.Capsule c -> new Shape.Capsule(c.a(), c.b(), c.r() + Body.HALO, Tone.PAPER);
                    case Shape.Disc d -> new Shape.Disc(d.centre(), d.r() + Body.HALO, Tone.PAPER);
                    default -> s;
                });
            }
            List<Shape> parts = new ArrayList<>(group);
            parts.sort(Comparator.comparingDouble(ViewShapes::depth));
            out.addAll(parts);
        }
        if (b.pose().strap()) {
            out.add(new Shape.Stroke(List.of(b.point("nearHand"), b.point("nearToe")), 2.4, Tone.FAR));
        }
        return out;
    }

    private static List<Shape> trunk(Body b) {
        return List.of(
                new Shape.Capsule(b.point("nearHip"), b.point("farHip"), Body.PELVIS_R, Tone.NEAR),
                new Shape.Capsule(b.point("hip"), b.point("waist"), Body.PELVIS_R, Tone.NEAR),
                new Shape.Capsule(b.point("waist"), b.point("shoulder"), Body.CHEST_R, Tone.NEAR),
                new Shape.Capsule(b.point("nearShoulder"), b.point("farShoulder"), Body.ARM_R + 1.5, Tone.NEAR),
                new Shape.Capsule(b.point("shoulder"), b.point("head"), Body.NECK_R, Tone.NEAR),
                new Shape.Disc(b.point("head"), Body.HEAD_R, Tone.NEAR));
    }

    private static List<Shape> leg(Body b, String side, Tone tone) {
        return List.of(
                new Shape.Capsule(b.point(side + "Hip"), b.point(side + "Knee"), Body.LEG_R, tone),
                new Shape.Capsule(b.point(side + "Knee"), b.point(side + "Ankle"), Body.LEG_R, tone),
                new Shape.Capsule(b.point(side + "Ankle"), b.point(side + "Toe"), Body.FOOT_R, tone));
    }

    private static List<Shape> arm(Body b, String side, Tone tone) {
        return List.of(
                new Shape.Capsule(b.point(side + "Shoulder"), b.point(side + "Elbow"), Body.ARM_R, tone),
                new Shape.Capsule(b.point(side + "Elbow"), b.point(side + "Wrist"), Body.ARM_R, tone),
                new Shape.Disc(b.point(side + "Hand"), Body.HAND_R, tone));
    }

    private static double depth(List<Shape> group) {
        return group.stream().mapToDouble(ViewShapes::depth).average().orElse(0);
    }

    private static double depth(Shape s) {
        return switch (s) {
            case Shape.Capsule c -> (c.a().z() + c.b().z()) / 2;
            case Shape.Disc d -> d.centre().z();
            default -> 0;
        };
    }
}
