package org.homestretch.illustration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in figures that move: every figure with a start and an end pose, its in-between
 * frames worked out once. A figure whose in-between frames break the pose model's rules is left
 * out with its reason (its still figure shows instead), so a new drawing never stops the start;
 * the tests require the list of reasons to be empty.
 */
public final class MotionLibrary {

    private final Map<String, Motion> motions;
    private final Map<String, String> refused;

    private MotionLibrary(Map<String, Motion> motions, Map<String, String> refused) {
        this.motions = Collections.unmodifiableMap(motions);
        this.refused = Collections.unmodifiableMap(refused);
    }

    public static MotionLibrary load() {
        Map<String, Motion> motions = new LinkedHashMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        FigureLibrary.specs().forEach((slug, spec) -> {
            // A figure with a second view shows its movement there, still (see Motion.of).
            if (spec.poses() == null || spec.poses().size() != 2 || spec.view() != null
                    || Boolean.TRUE.equals(spec.still())) {
                return;
            }
            try {
                motions.put(slug, Motion.of(spec));
            } catch (PoseException e) {
                refused.put(slug, e.getMessage());
            }
        });
        return new MotionLibrary(motions, refused);
    }

    public Optional<Motion> find(String slug) {
        return Optional.ofNullable(slug == null ? null : motions.get(slug));
    }

    /** Slug to movement, in the file's order. */
    public Map<String, Motion> all() {
        return motions;
    }

    /** Slug to the reason its movement cannot be drawn. */
    public Map<String, String> refused() {
        return refused;
    }
}
