package org.homestretch.catalog;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped catalog file, checked without a database. */
class BuiltInCatalogTest {

    /** Built-in slugs are addresses other data points at: removing one must be a deliberate change here. */
    static final List<String> SLUGS = List.of(
            "knee-to-chest", "double-knee-to-chest", "trunk-rotation", "knee-sway", "spinal-twist",
            "double-knee-twist", "cross-leg-stretch", "bridge", "pelvic-tilt", "hamstring-stretch", "thomas-stretch",
            "kneeling-hip-flexor-stretch", "cat-camel", "prayer-stretch", "childs-pose", "figure-four", "pigeon-pose",
            "lying-butterfly", "ninety-ninety-stretch", "plank", "bird-dog", "foam-roll-lower-back",
            "foam-roll-glutes", "foam-roll-hip-flexors",
            // Chair, standing, extension, nerve glides, strength and walking.
            "chair-knee-to-chest", "chair-trunk-rotation", "chair-figure-four", "chair-hamstring-stretch",
            "chair-pelvic-tilt", "chair-side-bend", "seated-back-flexion", "sit-to-stand", "standing-back-extension",
            "standing-hamstring-stretch", "standing-hip-flexor-stretch", "standing-side-bend", "standing-pelvic-tilt",
            "wall-slide", "prone-press-up", "prone-lying", "seated-sciatic-nerve-glide", "lying-sciatic-nerve-glide",
            "side-lying-clam", "dead-bug", "abdominal-bracing", "walking");

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
        assertThat(entries).hasSize(46);
        assertThat(new HashSet<>(entries.stream().map(BuiltInCatalog.Entry::slug).toList())).hasSize(entries.size());
        assertThat(new HashSet<>(entries.stream().map(e -> e.name().toLowerCase()).toList())).hasSize(entries.size());
    }

    @Test
    void every_exercise_has_three_to_eight_steps_precautions_and_a_source() {
        for (BuiltInCatalog.Entry e : entries) {
            assertThat(e.steps()).as(e.slug()).hasSizeBetween(3, 8);
            assertThat(e.stopIf()).as(e.slug()).isNotEmpty();
            assertThat(e.sources()).as(e.slug()).isNotEmpty()
                    .allSatisfy(source -> assertThat(ExerciseSource.parse(source).valid()).as(source).isTrue());
            assertThat(e.content().problems()).as(e.slug()).isEmpty();
        }
    }

    @Test
    void a_source_is_a_seed_article_or_a_titled_https_address() {
        assertThat(ExerciseSource.parse("004_cbc88ff2fe6c04cc.txt")).extracting(ExerciseSource::seed, ExerciseSource::valid)
                .containsExactly(true, true);
        ExerciseSource nhs = ExerciseSource.parse("NHS, Sciatica <https://www.nhs.uk/conditions/sciatica/>");
        assertThat(nhs.title()).isEqualTo("NHS, Sciatica");
        assertThat(nhs.url()).isEqualTo("https://www.nhs.uk/conditions/sciatica/");
        assertThat(nhs.valid()).isTrue();
        // No title, plain http, or a script address: not a citation a built-in may ship.
        assertThat(ExerciseSource.parse("<https://www.nhs.uk/>").valid()).isFalse();
        assertThat(ExerciseSource.parse("NHS <http://www.nhs.uk/>").valid()).isFalse();
        assertThat(ExerciseSource.parse("Bad <javascript:alert(1)>").valid()).isFalse();
        assertThat(ExerciseSource.parse("My own notes").url()).isNull();
    }

    @Test
    void new_exercises_cite_a_public_source_and_carry_their_search_words() {
        Map<String, BuiltInCatalog.Entry> bySlug = new HashMap<>();
        entries.forEach(e -> bySlug.put(e.slug(), e));
        for (String slug : SLUGS.subList(24, SLUGS.size())) {
            assertThat(bySlug.get(slug).sources()).as(slug).anySatisfy(s -> assertThat(ExerciseSource.parse(s).url())
                    .startsWith("https://www.n"));
        }
        assertThat(bySlug.get("chair-pelvic-tilt").position()).isEqualTo(Position.CHAIR);
        assertThat(bySlug.get("sit-to-stand").position()).isEqualTo(Position.CHAIR);
        assertThat(bySlug.get("wall-slide").position()).isEqualTo(Position.STANDING);
        // The floor-sitting ones stay "Sitting": they are done on the floor, not on a chair.
        assertThat(bySlug.get("ninety-ninety-stretch").position()).isEqualTo(Position.SITTING);
        assertThat(bySlug.get("foam-roll-glutes").position()).isEqualTo(Position.SITTING);
        assertThat(bySlug.get("thomas-stretch").position()).isEqualTo(Position.EDGE_OF_BED);
        assertThat(bySlug.get("seated-sciatic-nerve-glide").tags()).contains("sciatica", "chair", "no floor");
        assertThat(entries.stream().filter(e -> e.position() == Position.CHAIR).count()).isEqualTo(9);
    }

    @Test
    void walking_is_dosed_in_minutes_and_everything_else_is_counted() {
        for (BuiltInCatalog.Entry e : entries) {
            assertThat(e.dosage().timed()).as(e.slug()).isEqualTo(e.slug().equals("walking"));
        }
        Dosage walk = entries.stream().filter(e -> e.slug().equals("walking")).findFirst().orElseThrow().dosage();
        assertThat(walk).isEqualTo(Dosage.timed(10, 1, 7));
        assertThat(DosageText.sentence(walk)).isEqualTo("Keep going for 10 minutes. Once a day. Every day.");
    }
}
