package org.homestretch.illustration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A second way of looking at a pose, for movements the side view hides (twists, knees falling to
 * the side, hip openers): the same 3-D points as the side view (joint angles, leg roll, hip turn
 * and twist), turned toward another camera and projected straight onto the page (orthographic,
 * so nothing is made bigger or smaller by distance). The side view looks at the body's right side,
 * x to the right, y up, z toward the viewer.
 */
public enum View {
    /** From beyond the feet (in front of someone sitting or standing), up staying up. */
    FEET("feet", new Vec(1, 0, 0), new Vec(0, 1, 0), false),
    /** The same as {@link #FEET}, as the whole figure: for side bends, which the side view cannot show at all. */
    FRONT("front", new Vec(1, 0, 0), new Vec(0, 1, 0), true),
    /** From straight above, the body's left side (far from the side view) at the top of the page. */
    ABOVE("above", new Vec(0, 1, 0), new Vec(0, 0, -1), false),
    /**
     * A body drawn as lying on its back, shown lying on its left side instead, seen from in front
     * (facing the chest and knees) and 30° above, on a mat seen from above: the bent hips and knees
     * show as a zigzag in front of the body, and the top knee lifts up the page away from the lower
     * one. From only 12° above the bent legs pointed at the viewer and looked straight (read as
     * lying face down); from 45° and more, or turned toward the feet, the limbs tangled. It replaces
     * the side view, which would look straight down on the body.
     */
    LYING_ON_SIDE("lyingOnSide", new Vec(0, Math.cos(Math.toRadians(30)), Math.sin(Math.toRadians(30))),
            new Vec(0, 0, 1), true);

    final String key;
    private final Vec camera, right, up;
    /** Whether this view is the whole figure rather than a small panel beside the side view. */
    public final boolean replacesSideView;

    View(String key, Vec camera, Vec gravityUp, boolean replacesSideView) {
        this.key = key;
        this.camera = camera;
        Vec up = gravityUp.minus(camera.times(gravityUp.dot(camera)));
        this.up = up.times(1 / up.length());
        this.right = cross(camera.times(-1), this.up);
        this.replacesSideView = replacesSideView;
    }

    public static View named(String key) {
        for (View v : values()) {
            if (v.key.equals(key)) {
                return v;
            }
        }
        throw new PoseException("Unknown view \"" + key + "\": use feet, front, above or lyingOnSide.");
    }

    /** A point on the page (x right, y up) with its depth in z (larger is nearer the viewer). */
    public Vec project(Vec p) {
        return new Vec(p.dot(right), p.dot(up), p.dot(camera));
    }

    /**
     * The body seen from this view: every point projected, plus the two hip joints (beside the
     * middle of the pelvis, where the thighs start), which the side view does not need.
     */
    public Body project(Body body) {
        Map<String, Vec> points = new LinkedHashMap<>();
        Vec hip = body.point("hip");
        points.put("nearHip", project(hip.plus(new Vec(0, 0, Body.HIP_Z))));
        points.put("farHip", project(hip.plus(new Vec(0, 0, -Body.HIP_Z))));
        body.points().forEach((name, v) -> points.put(name, project(v)));
        return new Body(body.pose(), points);
    }

    private static Vec cross(Vec a, Vec b) {
        return new Vec(a.y() * b.z() - a.z() * b.y(), a.z() * b.x() - a.x() * b.z(), a.x() * b.y() - a.y() * b.x());
    }
}
