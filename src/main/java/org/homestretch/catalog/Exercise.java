package org.homestretch.catalog;

import org.homestretch.security.ClinicId;

import java.util.List;

/**
 * An exercise as the catalog shows it. Built-in exercises have no clinic and cannot be edited;
 * custom exercises belong to exactly one clinic.
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
        int version) {

    public boolean builtIn() {
        return clinicId == null;
    }

    public String name() {
        return content.name();
    }
}
