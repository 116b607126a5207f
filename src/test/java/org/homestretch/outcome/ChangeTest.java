package org.homestretch.outcome;

import org.homestretch.base.DateStyle;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The worked examples of docs/OUTCOMES.md, one test each. */
class ChangeTest {

    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final DateStyle UK = DateStyle.DEFAULT;
    static final DateStyle US = DateStyle.of(Locale.forLanguageTag("en-US"));

    @Test
    void psfs_score_is_the_mean_of_its_activities() {
        assertThat(Measure.PSFS.score(List.of(3, 4, 5))).isEqualTo(4.0);
        assertThat(Measure.PSFS.score(List.of(2, 3, 3))).isCloseTo(2.667, within(0.001));
        assertThat(Measure.PSFS.score(List.of(6, 7, 5, 4, 8))).isEqualTo(6.0);
    }

    @Test
    void psfs_up_by_2_7_on_the_mean_is_clinically_important() {
        double baseline = Measure.PSFS.score(List.of(2, 3, 3)); // 2.67
        double latest = Measure.PSFS.score(List.of(5, 6, 5)); // 5.33
        assertThat(Change.describe(Measure.PSFS, round(baseline), OCT_1, round(latest), UK))
                .isEqualTo("Better by 2.7 points since 1 Oct 2026 (clinically important)");
    }

    @Test
    void psfs_up_by_exactly_2_is_clinically_important_but_1_7_is_not() {
        assertThat(Change.describe(Measure.PSFS, round(4.0), OCT_1, round(6.0), UK))
                .isEqualTo("Better by 2.0 points since 1 Oct 2026 (clinically important)");
        assertThat(Change.describe(Measure.PSFS, 3.0, OCT_1, round(Measure.PSFS.score(List.of(5, 5, 4))), UK))
                .isEqualTo("Better by 1.7 points since 1 Oct 2026 (not yet a clinically important change)");
        // 14/3 -> 20/3: stored as 4.67 and 6.67, still a change of 2.
        assertThat(Measure.PSFS.important(round(14 / 3.0), round(20 / 3.0))).isTrue();
    }

    @Test
    void psfs_down_by_one_point_is_worse_and_singular() {
        assertThat(Change.describe(Measure.PSFS, 5.0, OCT_1, 4.0, UK))
                .isEqualTo("Worse by 1.0 point since 1 Oct 2026 (not yet a clinically important change)");
        assertThat(Change.describe(Measure.PSFS, 5.0, OCT_1, 2.6, UK))
                .isEqualTo("Worse by 2.4 points since 1 Oct 2026 (clinically important)");
    }

    @Test
    void the_same_score_is_no_change_in_the_clinics_date_style() {
        assertThat(Change.describe(Measure.PSFS, 5.0, OCT_1, 5.0, UK)).isEqualTo("No change since 1 Oct 2026");
        assertThat(Change.describe(Measure.NPRS, 5.0, OCT_1, 5.0, US)).isEqualTo("No change since Oct 1, 2026");
    }

    @Test
    void pain_going_down_is_better_by_two_points_or_by_thirty_percent() {
        assertThat(Change.describe(Measure.NPRS, 7, OCT_1, 5, UK))
                .isEqualTo("Better by 2.0 points since 1 Oct 2026 (clinically important)");
        // 6 -> 5 is 17 %, one point: not yet.
        assertThat(Change.describe(Measure.NPRS, 6, OCT_1, 5, UK))
                .isEqualTo("Better by 1.0 point since 1 Oct 2026 (not yet a clinically important change)");
        // 3 -> 2 is one point but 33 % of the baseline: important.
        assertThat(Change.describe(Measure.NPRS, 3, OCT_1, 2, UK))
                .isEqualTo("Better by 1.0 point since 1 Oct 2026 (clinically important)");
    }

    @Test
    void pain_going_up_needs_two_points_whatever_the_percentage() {
        assertThat(Change.describe(Measure.NPRS, 1, OCT_1, 2, UK))
                .isEqualTo("Worse by 1.0 point since 1 Oct 2026 (not yet a clinically important change)");
        assertThat(Change.describe(Measure.NPRS, 4, OCT_1, 6, UK))
                .isEqualTo("Worse by 2.0 points since 1 Oct 2026 (clinically important)");
    }

    @Test
    void the_target_line_is_where_an_important_improvement_begins() {
        assertThat(Measure.PSFS.importantTarget(3.0)).contains(5.0);
        assertThat(Measure.PSFS.importantTarget(9.0)).isEmpty();
        assertThat(Measure.NPRS.importantTarget(8.0)).contains(6.0); // 2 points comes before 30 % (5.6)
        assertThat(Measure.NPRS.importantTarget(3.0).orElseThrow()).isCloseTo(2.1, within(0.001)); // 30 % first
    }

    @Test
    void one_score_is_only_a_baseline() {
        var only = new OutcomeScore(null, Measure.PSFS, OCT_1, 4.33, List.of(), "Sam", "VISIT");
        assertThat(Change.describe(List.of(only), UK)).isEqualTo("Baseline 4.3 on 1 Oct 2026; no later score yet.");
    }

    private static double round(double score) {
        return Math.round(score * 100) / 100.0;
    }
}
