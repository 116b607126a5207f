package org.homestretch.adherence;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SkipSummaryTest {

    @Test
    void every_reason_keeps_its_label_as_written() {
        Map<String, Integer> reasons = new LinkedHashMap<>();
        reasons.put("FORGOT", 4);
        reasons.put("NO_TIME", 2);
        reasons.put("NOT_SURE_HOW", 1);

        PatientAdherence adherence = new PatientAdherence(null, "Clinic", null, null, List.of(), Figure.NONE,
                Figure.NONE, Figure.NONE, Map.of(), List.of(), List.of(), reasons, null);

        assertThat(adherence.skipSummary()).isEqualTo("Forgot \u00d74, No time \u00d72, Not sure how \u00d71");
    }
}
