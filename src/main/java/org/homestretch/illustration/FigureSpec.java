package org.homestretch.illustration;

import java.util.ArrayList;
import java.util.List;

/**
 * One exercise's figure as stored in {@code catalog/figures.json}: the surface, one pose (a hold)
 * or a start and an end pose (a movement), the point that stays in place between them, and an
 * optional arrow. Angles a pose leaves out take the value given for both sides at the pose's top
 * level, then 0. Props: a {@code chair} under the bottom (with or without a back rest), a
 * {@code wall} behind the back, a {@code step} under a body point. {@code view} adds a second,
 * smaller panel with the last pose seen from the feet or from above ({@link View}), with an arrow
 * following {@code viewArrow} from the start to the end pose. {@code still} keeps a two-pose
 * figure from moving on screen where no in-between pose can be drawn honestly (the press-up's
 * hands would pass through the mat).
 */
public record FigureSpec(Surface surface, String anchor, List<PoseSpec> poses, ArrowSpec arrow, Chair chair,
                         Boolean wall, String step, String view, String viewArrow, Boolean still) {

    /** A side view only, without props. */
    public FigureSpec(Surface surface, String anchor, List<PoseSpec> poses, ArrowSpec arrow) {
        this(surface, anchor, poses, arrow, null, null, null, null, null, null);
    }

    /** A chair whose seat is under the bottom of the first pose; {@code back} adds a back rest. */
    public record Chair(Boolean back) {
        public boolean hasBack() {
            return back == null || back;
        }
    }

    public boolean hasWall() {
        return wall != null && wall;
    }

    /** The second view, if any. */
    public java.util.Optional<View> secondView() {
        return view == null ? java.util.Optional.empty() : java.util.Optional.of(View.named(view));
    }

    /** The point that stays in place from the start to the end pose: the hip unless the file says otherwise. */
    public String anchorPoint() {
        return anchor == null ? "hip" : anchor;
    }

    public List<Pose> resolve() {
        if (surface == null) {
            throw new PoseException("Choose a surface: MAT, BED, BED_EDGE or FLOOR.");
        }
        if ((chair != null || hasWall() || step != null) && surface != Surface.FLOOR) {
            throw new PoseException("A chair, a wall or a step stands on the FLOOR surface.");
        }
        if (poses == null || poses.isEmpty() || poses.size() > 2) {
            throw new PoseException("Give one pose for a hold, or a start and an end pose for a movement.");
        }
        List<Pose> out = new ArrayList<>();
        for (PoseSpec p : poses) {
            out.add(p.resolve());
        }
        return out;
    }

    public record PoseSpec(Double trunk, Double lowerBack, Double neck, Double hip, Double knee, Double ankle,
                           Double shoulder, Double elbow, Double legRoll, Double armRoll, Double hipTurn,
                           SideSpec near, SideSpec far, List<String> contacts, String roller, Boolean strap,
                           Double twist, Double sideBend) {

        Pose resolve() {
            return new Pose(or(trunk, 90), or(lowerBack, 0), or(neck, 0), side(near), side(far),
                    contacts == null ? List.of() : contacts, roller, strap != null && strap, or(twist, 0),
                    or(sideBend, 0));
        }

        private Pose.Side side(SideSpec s) {
            SideSpec o = s == null ? new SideSpec(null, null, null, null, null, null, null, null, null) : s;
            return new Pose.Side(or(o.hip(), or(hip, 0)), or(o.knee(), or(knee, 0)), or(o.ankle(), or(ankle, 0)),
                    or(o.shoulder(), or(shoulder, 0)), or(o.elbow(), or(elbow, 0)), or(o.legRoll(), or(legRoll, 0)),
                    or(o.armRoll(), or(armRoll, 0)), o.reach(), or(o.hipTurn(), or(hipTurn, 0)));
        }

        private static double or(Double value, double fallback) {
            return value == null ? fallback : value;
        }
    }

    public record SideSpec(Double hip, Double knee, Double ankle, Double shoulder, Double elbow, Double legRoll,
                           Double armRoll, String reach, Double hipTurn) {
    }

    /**
     * Either a body point's path from one pose to the next ({@code point}, bowed by {@code bend},
     * moved by {@code offset}), a turn around a point ({@code turn}: from and to angle, with
     * {@code radius}), or a straight stroke through a point ({@code along}: its length and
     * direction). {@code both} puts a head on each end, for rocking and rolling movements.
     */
    public record ArrowSpec(String point, Double bend, List<Double> offset, List<Double> turn, Double radius,
                            List<Double> along, Boolean both) {
    }
}
