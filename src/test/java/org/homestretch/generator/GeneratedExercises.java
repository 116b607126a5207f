package org.homestretch.generator;

import org.homestretch.catalog.ExerciseContent;

import java.util.List;

/** The data generator's invented exercises, for benches in other packages (test code only). */
public final class GeneratedExercises {

    private GeneratedExercises() {
    }

    /** Every invented exercise (17,280) in the generator's seeded order. */
    public static List<ExerciseContent> all(long seed) {
        return GeneratedCatalog.exercises(seed);
    }
}
