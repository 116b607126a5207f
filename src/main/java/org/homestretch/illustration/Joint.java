package org.homestretch.illustration;

/**
 * The joints a pose sets, with the range a body can reach, in degrees. Zero is standing tall with
 * the arms by the sides; positive bends forward (hip, shoulder, lower back, neck), bends the knee
 * and elbow, and points the toes. Ranges are a little wider than textbook norms so that stretches
 * at the end of range can be drawn, but never past what a joint does: a knee never bends backwards.
 */
enum Joint {
    LOWER_BACK("lower back", -35, 60, "rounds forward when positive, arches when negative"),
    NECK("neck", -45, 60, "tucks the chin when positive"),
    TWIST("twist", -60, 60, "turns the chest toward the near side when positive"),
    SIDE_BEND("side bend", -40, 40, "bends the trunk toward the near side when positive"),
    HIP("hip", -35, 150, "brings the thigh forward when positive"),
    KNEE("knee", 0, 165, "a knee does not bend backwards"),
    ANKLE("ankle", -30, 85, "points the toes when positive"),
    SHOULDER("shoulder", -70, 185, "raises the arm forward when positive"),
    ELBOW("elbow", 0, 155, "an elbow does not bend backwards"),
    LEG_ROLL("leg roll", -90, 90, "turns the leg toward the viewer when positive"),
    HIP_TURN("hip turn", -90, 90, "swings the shin about the thigh, the foot toward the viewer when positive"),
    ARM_ROLL("arm roll", -90, 90, "turns the arm toward the viewer when positive");

    final String label;
    final double min, max;
    final String note;

    Joint(String label, double min, double max, String note) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.note = note;
    }

    /** Refuses a value out of range, naming the joint (with its side, if any) and the range. */
    double check(String side, double degrees) {
        String name = side == null ? label : side + " " + label;
        if (!Double.isFinite(degrees) || degrees < min || degrees > max) {
            throw new PoseException(Character.toUpperCase(name.charAt(0)) + name.substring(1) + " at "
                    + format(degrees) + "° is out of range: use " + format(min) + "° to " + format(max) + "° ("
                    + note + ").");
        }
        return degrees;
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
