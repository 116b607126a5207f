package org.homestretch.illustration;

import java.util.List;
import java.util.Set;

/**
 * One still picture of the body, seen from its right side and facing right: the direction of the
 * pelvis ({@code trunk}, degrees counter-clockwise from "facing right lying on the front"; 90 is
 * upright, 180 lying on the back with the head to the left), the joint angles of the near and the
 * far side, and the parts that rest on the surface. With two or more contacts the whole body is
 * turned until the first two touch together, so {@code trunk} is only a starting guess then.
 */
public record Pose(double trunk, double lowerBack, double neck, Side near, Side far, List<String> contacts,
                   String roller, boolean strap, double twist, double sideBend) {

    /** Body parts a pose may rest on (see {@link Body#contact}). */
    public static final Set<String> CONTACTS = Set.of("back", "bottom", "head", "feet", "nearFoot", "farFoot",
            "knees", "nearKnee", "farKnee", "nearShin", "farShin", "hands", "nearHand", "farHand", "forearms",
            "toes", "nearToe", "farToe", "nearHeel", "farHeel", "roller", "chest", "shoulders", "shins");

    /** Without a twist of the chest. */
    public Pose(double trunk, double lowerBack, double neck, Side near, Side far, List<String> contacts,
                String roller, boolean strap) {
        this(trunk, lowerBack, neck, near, far, contacts, roller, strap, 0, 0);
    }

    public Pose {
        if (!Double.isFinite(trunk)) {
            throw new PoseException("Trunk angle must be a number.");
        }
        Joint.LOWER_BACK.check(null, lowerBack);
        Joint.NECK.check(null, neck);
        Joint.TWIST.check(null, twist);
        Joint.SIDE_BEND.check(null, sideBend);
        near.check("near");
        far.check("far");
        contacts = List.copyOf(contacts);
        for (String contact : contacts) {
            if (!CONTACTS.contains(contact)) {
                throw new PoseException("Unknown contact \"" + contact + "\": use one of " + CONTACTS.stream().sorted().toList() + ".");
            }
        }
        if (contacts.contains("roller") && roller == null) {
            throw new PoseException("The roller contact needs a body part for the roller to lie under.");
        }
    }

    Pose withTrunk(double newTrunk) {
        return new Pose(newTrunk, lowerBack, neck, near, far, contacts, roller, strap, twist, sideBend);
    }

    Pose withSides(Side newNear, Side newFar) {
        return new Pose(trunk, lowerBack, neck, newNear, newFar, contacts, roller, strap, twist, sideBend);
    }

    /**
     * One side's limbs. {@code reach} names a body point (for example "nearKnee") that the hand
     * holds; then the shoulder and elbow are worked out and the given ones ignored.
     */
    public record Side(double hip, double knee, double ankle, double shoulder, double elbow, double legRoll,
                       double armRoll, String reach, double hipTurn) {

        public Side(double hip, double knee, double ankle, double shoulder, double elbow, double legRoll,
                    double armRoll, String reach) {
            this(hip, knee, ankle, shoulder, elbow, legRoll, armRoll, reach, 0);
        }

        void check(String side) {
            Joint.HIP.check(side, hip);
            Joint.KNEE.check(side, knee);
            Joint.ANKLE.check(side, ankle);
            Joint.SHOULDER.check(side, shoulder);
            Joint.ELBOW.check(side, elbow);
            Joint.LEG_ROLL.check(side, legRoll);
            Joint.ARM_ROLL.check(side, armRoll);
            Joint.HIP_TURN.check(side, hipTurn);
        }

        Side withArm(double newShoulder, double newElbow) {
            return new Side(hip, knee, ankle, newShoulder, newElbow, legRoll, armRoll, reach, hipTurn);
        }

        Side withAnkle(double newAnkle) {
            return new Side(hip, knee, newAnkle, shoulder, elbow, legRoll, armRoll, reach, hipTurn);
        }
    }
}
