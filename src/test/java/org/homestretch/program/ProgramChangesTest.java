package org.homestretch.program;

import org.homestretch.catalog.Dosage;
import org.homestretch.catalog.ExerciseId;
import org.homestretch.catalog.Sides;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramChangesTest {

    private final ProgramItem kneeToChest = item("Knee to chest", new Dosage(1, 3, 10, Sides.EACH_SIDE, 1, 7));
    private final ProgramItem bridge = item("Bridge", new Dosage(1, 10, 5, Sides.NONE, 1, 7));
    private final ProgramItem plank = item("Plank", new Dosage(3, 1, 20, Sides.NONE, 1, 5));

    @Test
    void describes_a_changed_hold_in_words() {
        assertThat(ProgramChanges.between(List.of(kneeToChest),
                List.of(kneeToChest.withDosage(new Dosage(1, 3, 30, Sides.EACH_SIDE, 1, 7)))))
                .containsExactly("Knee to chest: hold 10 → 30 s");
    }

    @Test
    void lists_several_changes_to_one_exercise_together() {
        assertThat(ProgramChanges.between(List.of(plank),
                List.of(plank.withDosage(new Dosage(2, 1, 20, Sides.NONE, 2, 7)).withNote("Keep your hips level"))))
                .containsExactly("Plank: sets 3 → 2, times a day 1 → 2, days a week 5 → 7, note added");
    }

    @Test
    void names_added_and_removed_exercises() {
        assertThat(ProgramChanges.between(List.of(kneeToChest, plank), List.of(kneeToChest, bridge)))
                .containsExactly("Added: Bridge", "Removed: Plank");
    }

    @Test
    void notices_a_new_order() {
        assertThat(ProgramChanges.between(List.of(kneeToChest, bridge), List.of(bridge, kneeToChest)))
                .containsExactly("Order changed");
    }

    @Test
    void says_nothing_when_nothing_changed() {
        assertThat(ProgramChanges.between(List.of(kneeToChest, bridge), List.of(kneeToChest, bridge))).isEmpty();
    }

    @Test
    void pairs_the_same_exercise_twice_in_order() {
        ProgramItem second = kneeToChest.withNote("Evening");
        assertThat(ProgramChanges.between(List.of(kneeToChest), List.of(kneeToChest, second)))
                .containsExactly("Added: Knee to chest");
    }

    @Test
    void estimates_session_time_from_the_dosage() {
        // 15 s setup + 1 set × 2 sides × 3 reps × (10 s hold + 4 s) = 99 s
        assertThat(SessionTime.of(kneeToChest.dosage()).getSeconds()).isEqualTo(99);
        // 15 + 3 × 1 × 1 × (20 + 4) + 2 × 20 rest = 127 s
        assertThat(SessionTime.of(plank.dosage()).getSeconds()).isEqualTo(127);
        assertThat(SessionTime.describe(SessionTime.of(List.of(kneeToChest, plank)))).isEqualTo("About 4 minutes");
    }

    private static ProgramItem item(String name, Dosage dosage) {
        return new ProgramItem(new ExerciseId(UUID.nameUUIDFromBytes(name.getBytes())), name, dosage, "");
    }
}
