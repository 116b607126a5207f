package org.homestretch.catalog;

import org.homestretch.base.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DosageTest {

    @Test
    void summarises_a_dosage_for_a_list() {
        assertThat(new Dosage(1, 1, 30, Sides.EACH_SIDE, 1, 7).summary())
                .isEqualTo("Hold 30 s, each side, once a day");
        assertThat(new Dosage(3, 10, 5, Sides.NONE, 2, 5).summary())
                .isEqualTo("3 sets of 10, hold 5 s, twice a day, 5 days a week");
        assertThat(new Dosage(1, 15, 0, Sides.ALTERNATE, 3, 7).summary())
                .isEqualTo("15 times, alternate sides, 3 times a day");
    }

    @Test
    void says_the_dosage_as_sentences_a_patient_can_follow() {
        assertThat(DosageText.sentence(new Dosage(1, 3, 30, Sides.EACH_SIDE, 2, 7)))
                .isEqualTo("Hold for 30 seconds. Do this 3 times on each side. Twice a day. Every day.");
        assertThat(DosageText.sentence(new Dosage(2, 10, 0, Sides.NONE, 1, 3)))
                .isEqualTo("Do this 10 times. Repeat this twice, with a short rest between. Once a day. Three days a week.");
        assertThat(DosageText.sentence(new Dosage(1, 1, 120, Sides.BOTH_TOGETHER, 3, 1)))
                .isEqualTo("Hold for 2 minutes. Do this once. Three times a day. One day a week.");
    }

    @Test
    void a_new_held_stretch_starts_with_a_few_holds_and_a_moving_exercise_with_ten_repetitions() {
        Dosage held = Dosage.newExercise(true);
        assertThat(held.holdSeconds()).isEqualTo(30);
        assertThat(held.repetitions()).isBetween(1, 3);
        assertThat(held.problems()).isEmpty();
        assertThat(Dosage.defaultRepetitions(15)).isEqualTo(held.repetitions());

        Dosage moving = Dosage.newExercise(false);
        assertThat(moving.holdSeconds()).isZero();
        assertThat(moving.repetitions()).isEqualTo(10);
        assertThat(moving.problems()).isEmpty();
        assertThat(Dosage.defaultRepetitions(0)).isEqualTo(10);
    }

    @Test
    void names_every_field_out_of_range() {
        assertThat(new Dosage(0, 101, 301, null, 7, 8).problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("sets", "repetitions", "holdSeconds", "sides", "timesPerDay", "daysPerWeek");
        assertThat(new Dosage(1, 1, 0, Sides.NONE, 1, 1).problems()).isEmpty();
    }

    @Test
    void a_walk_is_said_in_minutes_and_keeps_its_counts_at_one() {
        Dosage walk = Dosage.timed(20, 2, 5);
        assertThat(walk.problems()).isEmpty();
        assertThat(walk.summary()).isEqualTo("20 minutes, twice a day, 5 days a week");
        assertThat(DosageText.sentence(walk)).isEqualTo("Keep going for 20 minutes. Twice a day. Five days a week.");
        assertThat(DosageText.sentence(Dosage.timed(1, 1, 7))).isEqualTo("Keep going for 1 minute. Once a day. Every day.");
        // A count or a hold next to minutes would make the plan say two things.
        assertThat(new Dosage(3, 10, 5, Sides.EACH_SIDE, 1, 7, 20).problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("sets", "repetitions", "holdSeconds");
        assertThat(new Dosage(1, 1, 0, Sides.NONE, 1, 7, 121).problems()).extracting(FieldProblem::field)
                .containsExactly("minutes");
        // The six-number form is a counted exercise, as every dosage was before minutes existed.
        assertThat(new Dosage(1, 10, 0, Sides.NONE, 1, 7).minutes()).isZero();
    }
}
