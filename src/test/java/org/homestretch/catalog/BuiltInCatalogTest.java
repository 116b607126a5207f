package org.homestretch.catalog;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped catalog file, checked without a database. */
class BuiltInCatalogTest {

    /** Built-in slugs are addresses other data points at: removing one must be a deliberate change here. */
    static final List<String> SLUGS = List.of(
            "knee-to-chest", "double-knee-to-chest", "trunk-rotation", "knee-sway", "spinal-twist",
            "double-knee-twist", "cross-leg-stretch", "bridge", "pelvic-tilt", "hamstring-stretch", "thomas-stretch",
            "kneeling-hip-flexor-stretch", "cat-camel", "prayer-stretch", "childs-pose", "figure-four", "pigeon-pose",
            "lying-butterfly", "ninety-ninety-stretch", "plank", "bird-dog", "foam-roll-lower-back",
            "foam-roll-glutes", "foam-roll-hip-flexors");

    private final List<BuiltInCatalog.Entry> entries = load();

    private static List<BuiltInCatalog.Entry> load() {
        try {
            return new BuiltInCatalog(null, null).load();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void ships_every_known_exercise_and_no_slug_disappears() {
        assertThat(entries).extracting(BuiltInCatalog.Entry::slug).containsAll(SLUGS);
        assertThat(entries).hasSizeGreaterThanOrEqualTo(24);
        assertThat(new HashSet<>(entries.stream().map(BuiltInCatalog.Entry::slug).toList())).hasSize(entries.size());
        assertThat(new HashSet<>(entries.stream().map(e -> e.name().toLowerCase()).toList())).hasSize(entries.size());
    }

    @Test
    void every_exercise_has_three_to_eight_steps_precautions_and_a_source() {
        for (BuiltInCatalog.Entry e : entries) {
            assertThat(e.steps()).as(e.slug()).hasSizeBetween(3, 8);
            assertThat(e.stopIf()).as(e.slug()).isNotEmpty();
            assertThat(e.sources()).as(e.slug()).isNotEmpty()
                    .allSatisfy(source -> assertThat(source).matches("\\d{3}_[0-9a-f]{16}\\.txt"));
            assertThat(e.content().problems()).as(e.slug()).isEmpty();
        }
    }
}
