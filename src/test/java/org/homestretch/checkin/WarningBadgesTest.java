package org.homestretch.checkin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The check-ins list's warning column: emergency signs first, named as such. */
class WarningBadgesTest {

    @Test
    void an_emergency_sign_is_badged_as_such_and_comes_before_the_urgent_ones() {
        Checkin c = new Checkin(UUID.randomUUID(), LocalDate.of(2026, 3, 10), 1, true, null, 4, null,
                Set.of(Symptom.SHARP_PAIN, Symptom.FEVER_OR_INJURY, Symptom.NUMBNESS_TINGLING), "",
                CheckinSource.PATIENT, 1, 2, 2, Instant.EPOCH);

        Component cell = CheckinsView.symptoms(c);

        assertThat(cell.getChildren().map(b -> ((Span) b).getText()).toList()).containsExactly(
                "Emergency sign: Back pain with a fever, or after a fall or injury", "Numbness or tingling",
                "Sharp pain");
        assertThat(cell.getChildren().findFirst().orElseThrow().getClassNames()).contains("hs-emergency-badge");
    }
}
