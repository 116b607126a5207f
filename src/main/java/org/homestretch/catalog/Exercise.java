package org.homestretch.catalog;

import org.homestretch.security.ClinicId;

import java.util.List;

/**
 * An exercise as the catalog shows it. Built-in exercises have no clinic and cannot be edited;
 * custom exercises belong to exactly one clinic. {@code figure} is the built-in exercise whose
 * figure a custom exercise borrows (its slug), or null.
 */
public record Exercise(
        ExerciseId id,
        ClinicId clinicId,
        String slug,
        ExerciseContent content,
        List<String> sources,
        boolean archived,
        boolean hasPhoto,
        boolean favourite,
        int version,
        String figure) {

    public boolean builtIn() {
        return clinicId == null;
    }

    public String name() {
        return content.name();
    }

    /** The slug of the built-in exercise whose figure this exercise shows: its own, if it is one. */
    public String figureSlug() {
        return builtIn() ? slug : figure;
    }
}
