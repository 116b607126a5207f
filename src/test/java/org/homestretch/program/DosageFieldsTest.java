package org.homestretch.program;

import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.Sides;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor's dosage inputs for a walk (minutes) and for a counted exercise. */
class DosageFieldsTest {

    @Test
    void a_walk_shows_minutes_and_hides_the_counts() {
        List<Dosage> changes = new ArrayList<>();
        DosageFields fields = new DosageFields(Dosage.timed(10, 1, 7), changes::add);

        assertThat(fields.minutes.isVisible()).isTrue();
        assertThat(fields.minutes.getValue()).isEqualTo(10);
        assertThat(List.of(fields.sets, fields.repetitions, fields.holdSeconds)).noneMatch(f -> f.isVisible());
        assertThat(fields.sides.isVisible()).isFalse();

        fields.minutes.setValue(25);
        assertThat(changes.getLast()).isEqualTo(Dosage.timed(25, 1, 7));
        assertThat(fields.read().problems()).isEmpty();
    }

    @Test
    void a_counted_exercise_looks_as_before_and_reads_as_zero_minutes() {
        DosageFields fields = new DosageFields(new Dosage(1, 3, 30, Sides.EACH_SIDE, 2, 7), d -> { });

        assertThat(fields.minutes.isVisible()).isFalse();
        assertThat(List.of(fields.sets, fields.repetitions, fields.holdSeconds)).allMatch(f -> f.isVisible());
        assertThat(fields.read()).isEqualTo(new Dosage(1, 3, 30, Sides.EACH_SIDE, 2, 7));
    }

    @Test
    void a_count_typed_next_to_minutes_stays_visible_with_its_problem() {
        DosageFields fields = new DosageFields(Dosage.timed(10, 1, 7), d -> { });
        fields.minutes.setValue(0);
        fields.repetitions.setValue(5);
        fields.minutes.setValue(15);

        // Nothing typed is hidden: the 5 stays on screen, and the dosage says what is wrong with it.
        assertThat(fields.repetitions.isVisible()).isTrue();
        assertThat(fields.read().problems()).extracting(p -> p.field()).containsExactly("repetitions");
    }
}
