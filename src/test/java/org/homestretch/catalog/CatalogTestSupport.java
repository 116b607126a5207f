package org.homestretch.catalog;

import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.List;
import java.util.Set;

/** Small helpers shared by the catalog's service tests. */
public final class CatalogTestSupport {

    private CatalogTestSupport() {
    }

    public static void signIn(UserDetailsService users, String email) {
        org.homestretch.support.TestSignIn.as(users, email);
    }

    public static ExerciseContent validContent(String name) {
        return new ExerciseContent(name, List.of("wall slide"), "Eases a stiff lower back.", Position.STANDING,
                Set.of(BodyArea.LOWER_BACK), Set.of(Equipment.WALL), false, BestTime.ANY,
                List.of("Stand with your back to a wall.", "Slide down a little.", "Slide back up."),
                List.of("Move slowly."), List.of("Stop if you feel sharp pain."),
                new Dosage(2, 10, 5, Sides.NONE, 1, 5));
    }

    public static ExerciseContent withDosage(ExerciseContent c, Dosage dosage) {
        return new ExerciseContent(c.name(), c.aliases(), c.purpose(), c.position(), c.bodyAreas(), c.equipment(),
                c.inBed(), c.bestTime(), c.steps(), c.tips(), c.stopIf(), dosage);
    }

    public static ExerciseContent withSteps(ExerciseContent c, List<String> steps) {
        return new ExerciseContent(c.name(), c.aliases(), c.purpose(), c.position(), c.bodyAreas(), c.equipment(),
                c.inBed(), c.bestTime(), steps, c.tips(), c.stopIf(), c.dosage());
    }
}
