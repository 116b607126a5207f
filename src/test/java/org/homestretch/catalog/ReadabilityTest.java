package org.homestretch.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReadabilityTest {

    @Test
    void a_short_simple_sentence_scores_below_first_grade() {
        // 6 words, 1 sentence, 6 syllables: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45
        assertThat(Readability.fleschKincaidGrade("The cat sat on the mat.")).isCloseTo(-1.45, within(0.001));
    }

    @Test
    void two_short_steps_score_by_hand() {
        // 7 words, 2 sentences, 7 syllables: 0.39 × 3.5 + 11.8 × 1 − 15.59 = −2.425
        assertThat(Readability.fleschKincaidGrade("Lie on your back. Bend your knees.")).isCloseTo(-2.425, within(0.001));
    }

    @Test
    void a_long_academic_sentence_scores_far_above_grade_twelve() {
        String text = "The implementation of comprehensive rehabilitation methodologies necessitates "
                + "interdisciplinary collaboration.";
        // the 1, im-ple-men-ta-tion 5, of 1, com-pre-hen-sive 4, re-ha-bil-i-ta-tion 6,
        // me-tho-do-lo-gies 5, ne-ces-si-tates 4, in-ter-dis-ci-pli-nar-y 7, col-la-bo-ra-tion 5
        assertThat(Readability.count(text)).isEqualTo(new Readability.Counts(9, 1, 38));
        // 0.39 × 9 + 11.8 × 38 / 9 − 15.59 = 37.742…
        assertThat(Readability.fleschKincaidGrade(text)).isCloseTo(37.742, within(0.001)).isGreaterThan(12.0);
    }

    @ParameterizedTest
    @CsvSource({
            "cat, 1", "the, 1", "knee, 1", "knees, 1", "side, 1", "sides, 1", "breathe, 1", "pulled, 1",
            "gentle, 2", "ankle, 2", "ankles, 2", "places, 2", "stretches, 2", "lifted, 2", "relaxed, 2",
            "agree, 2", "belly, 2", "shoulder, 2", "ceiling, 2", "lying, 2", "you, 1", "eye, 1", "beyond, 2",
            "child's, 1", "comfortable, 4", "hamstring, 2", "interdisciplinary, 7"
    })
    void counts_syllables_by_vowel_groups(String word, int syllables) {
        assertThat(Readability.countSyllables(word)).as(word).isEqualTo(syllables);
    }

    @Test
    void every_word_has_at_least_one_syllable_and_no_letters_has_none() {
        assertThat(Readability.countSyllables("hmm")).isEqualTo(1);
        assertThat(Readability.countSyllables("'")).isZero();
    }

    @Test
    void empty_text_has_grade_zero() {
        assertThat(Readability.fleschKincaidGrade("")).isZero();
        assertThat(Readability.fleschKincaidGrade("   \n ")).isZero();
        assertThat(Readability.fleschKincaidGrade("...!?")).isZero();
        assertThat(Readability.fleschKincaidGrade((String) null)).isZero();
        assertThat(Readability.fleschKincaidGrade(List.of())).isZero();
    }

    @Test
    void a_number_is_one_word_of_one_syllable_and_its_point_does_not_end_a_sentence() {
        // Hold(1) 1.5(1) or(1) 30(1) s(1) | Then(1) stop(1) | Lie(1) down(1) | Rest(1)
        assertThat(Readability.count("Hold 1.5 or 30 s. Then stop\n\nLie down... Rest!"))
                .isEqualTo(new Readability.Counts(10, 4, 10));
    }

    @Test
    void each_step_is_its_own_sentence_even_without_a_full_stop() {
        double steps = Readability.fleschKincaidGrade(List.of("Lie on your back", "Bend your knees"));
        assertThat(steps).isCloseTo(Readability.fleschKincaidGrade("Lie on your back. Bend your knees."), within(1e-9));
        // Run together as one sentence, the same words read as harder.
        assertThat(Readability.fleschKincaidGrade("Lie on your back bend your knees")).isGreaterThan(steps);
    }

    @Test
    void every_built_in_exercise_reads_at_grade_seven_or_lower() throws IOException {
        JsonNode catalog;
        try (InputStream in = ReadabilityTest.class.getResourceAsStream("/catalog/builtin-exercises.json")) {
            assertThat(in).as("built-in catalog on the classpath").isNotNull();
            catalog = new ObjectMapper().readTree(in);
        }
        List<String> tooHard = new ArrayList<>();
        int checked = 0;
        for (JsonNode exercise : catalog.get("exercises")) {
            List<String> steps = new ArrayList<>();
            exercise.get("steps").forEach(step -> steps.add(step.asString()));
            String slug = exercise.get("slug").asString();
            double grade = Readability.fleschKincaidGrade(steps);
            if (grade > 7.0) {
                tooHard.add(slug + " (steps at grade " + Math.round(grade * 10) / 10.0 + ")");
            }
            // The grade is an average, so one step full of long words could hide among easy ones.
            // A single short sentence swings more, hence the looser bound per step.
            for (String step : steps) {
                double stepGrade = Readability.fleschKincaidGrade(step);
                if (stepGrade > 10.0) {
                    tooHard.add(slug + " (step at grade " + Math.round(stepGrade * 10) / 10.0 + ": " + step + ")");
                }
            }
            checked++;
        }
        assertThat(checked).isEqualTo(BuiltInCatalogTest.SLUGS.size());
        assertThat(tooHard).as("exercises whose steps read above grade 7, or a step above grade 10").isEmpty();
    }

    /** The exercises added for chair, standing, sciatica and walking are held to grade 6, steps and purpose. */
    @Test
    void the_newer_exercises_read_at_grade_six_or_lower() throws Exception {
        List<String> tooHard = new ArrayList<>();
        List<String> newer = BuiltInCatalogTest.SLUGS.subList(24, BuiltInCatalogTest.SLUGS.size());
        for (BuiltInCatalog.Entry e : new BuiltInCatalog(null, null).load()) {
            if (!newer.contains(e.slug())) {
                continue;
            }
            List<String> text = new ArrayList<>(e.steps());
            text.add(e.purpose());
            text.addAll(e.tips());
            text.addAll(e.stopIf());
            double grade = Readability.fleschKincaidGrade(text);
            if (grade > 6.0) {
                tooHard.add(e.slug() + " at grade " + Math.round(grade * 10) / 10.0);
            }
        }
        assertThat(tooHard).isEmpty();
    }
}
