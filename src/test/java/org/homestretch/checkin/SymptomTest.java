package org.homestretch.checkin;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SymptomTest {

    @Test
    void the_four_signs_of_old_keep_their_stored_names_and_are_urgent() {
        assertThat(Symptom.of(Symptom.Tier.URGENT)).extracting(Enum::name)
                .containsExactly("NUMBNESS_TINGLING", "PAIN_DOWN_LEG", "SHARP_PAIN", "NEW_WEAKNESS");
    }

    @Test
    void the_emergency_signs_of_low_back_pain_are_their_own_tier() {
        assertThat(Symptom.of(Symptom.Tier.EMERGENCY)).containsExactly(Symptom.BLADDER_BOWEL,
                Symptom.SADDLE_NUMBNESS, Symptom.LEG_WEAKNESS_WORSE, Symptom.FEVER_OR_INJURY);
    }

    @Test
    void one_emergency_sign_makes_the_whole_report_an_emergency() {
        assertThat(Symptom.highest(Set.of())).isNull();
        assertThat(Symptom.highest(Set.of(Symptom.SHARP_PAIN, Symptom.PAIN_DOWN_LEG))).isEqualTo(Symptom.Tier.URGENT);
        assertThat(Symptom.highest(Set.of(Symptom.SHARP_PAIN, Symptom.SADDLE_NUMBNESS)))
                .isEqualTo(Symptom.Tier.EMERGENCY);
    }

    @Test
    void every_label_is_short_enough_to_read_at_a_glance() {
        for (Symptom s : Symptom.values()) {
            assertThat(s.label().split(" ")).as(s.name()).hasSizeLessThanOrEqualTo(13);
        }
    }
}
