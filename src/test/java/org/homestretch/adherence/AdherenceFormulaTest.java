package org.homestretch.adherence;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AdherenceFormulaTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26); // a Thursday

    static Prescription daily(int version, LocalDate starts, int perDay) {
        return new Prescription(version, starts, perDay * 7, perDay);
    }

    static Map<LocalDate, Integer> everyDay(LocalDate from, LocalDate to, int sessions) {
        Map<LocalDate, Integer> done = new HashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            done.put(d, sessions);
        }
        return done;
    }

    @Test
    void every_session_done_is_100_percent() {
        var p = List.of(daily(1, TODAY.minusDays(40), 2));
        Figure week = AdherenceFormula.figure(p, everyDay(TODAY.minusDays(40), TODAY, 2), TODAY.minusDays(6), TODAY);
        assertThat(week.done()).isEqualTo(14);
        assertThat(week.prescribed()).isCloseTo(14, within(1e-9));
        assertThat(week.percentText()).isEqualTo("100 %");
        assertThat(week.countText()).isEqualTo("14 of 14 sessions");
    }

    @Test
    void half_the_sessions_is_50_percent() {
        var p = List.of(daily(1, TODAY.minusDays(40), 2));
        Figure month = AdherenceFormula.figure(p, everyDay(TODAY.minusDays(40), TODAY, 1), TODAY.minusDays(29), TODAY);
        // 29 full days at 1 of 2, and today counts only what was done (1 of 1).
        assertThat(month.done()).isEqualTo(30);
        assertThat(month.prescribed()).isCloseTo(59, within(1e-9));
        assertThat(month.percent()).hasValue(51);
    }

    @Test
    void on_the_first_day_nothing_done_yet_gives_no_figure_rather_than_zero() {
        var p = List.of(daily(1, TODAY, 2));
        Figure week = AdherenceFormula.figure(p, Map.of(), TODAY.minusDays(6), TODAY);
        assertThat(week.defined()).isFalse();
        assertThat(week.percentText()).isEqualTo("–");
        assertThat(week.countText()).isEqualTo("nothing due yet");
    }

    @Test
    void the_first_day_counts_only_what_was_done_on_it() {
        // Published at the afternoon appointment; one session done that evening.
        var p = List.of(daily(1, TODAY.minusDays(2), 2));
        Map<LocalDate, Integer> done = Map.of(TODAY.minusDays(2), 1, TODAY.minusDays(1), 2);
        Figure week = AdherenceFormula.figure(p, done, TODAY.minusDays(6), TODAY);
        // First day 1 of 1, yesterday 2 of 2, today 0 of 0: the window starts at the program.
        assertThat(week.done()).isEqualTo(3);
        assertThat(week.prescribed()).isCloseTo(3, within(1e-9));
        assertThat(week.percentText()).isEqualTo("100 %");
    }

    @Test
    void today_raises_the_figure_but_never_lowers_it() {
        var p = List.of(daily(1, TODAY.minusDays(30), 1));
        Map<LocalDate, Integer> notYet = everyDay(TODAY.minusDays(30), TODAY.minusDays(1), 1);
        assertThat(AdherenceFormula.figure(p, notYet, TODAY.minusDays(6), TODAY).ratio()).isEqualTo(1.0);
        Map<LocalDate, Integer> doneToday = everyDay(TODAY.minusDays(30), TODAY, 1);
        assertThat(AdherenceFormula.figure(p, doneToday, TODAY.minusDays(6), TODAY).done()).isEqualTo(7);
    }

    @Test
    void a_version_change_mid_window_counts_each_day_under_the_version_in_force() {
        // Once a day until three days ago, twice a day since (including the day of the change).
        var p = List.of(daily(1, TODAY.minusDays(30), 1), daily(2, TODAY.minusDays(3), 2));
        Map<LocalDate, Integer> done = everyDay(TODAY.minusDays(30), TODAY.minusDays(1), 1);
        Figure week = AdherenceFormula.figure(p, done, TODAY.minusDays(6), TODAY);
        // Days -6..-4: 1 of 1 each; days -3..-1: 1 of 2 each; today: nothing due yet.
        assertThat(week.done()).isEqualTo(6);
        assertThat(week.prescribed()).isCloseTo(9, within(1e-9));
        assertThat(week.percent()).hasValue(67);
    }

    @Test
    void two_versions_on_one_day_use_the_later_one() {
        var p = List.of(daily(1, TODAY.minusDays(10), 1), daily(2, TODAY.minusDays(5), 3),
                daily(3, TODAY.minusDays(5), 2));
        assertThat(AdherenceFormula.inForce(p, TODAY.minusDays(5)).versionNumber()).isEqualTo(3);
        assertThat(AdherenceFormula.inForce(p, TODAY.minusDays(6)).versionNumber()).isEqualTo(1);
        assertThat(AdherenceFormula.inForce(p, TODAY.minusDays(11))).isNull();
    }

    @Test
    void fewer_than_seven_days_a_week_prescribes_a_fraction_of_a_session_a_day() {
        // Once a day, 5 days a week: 5 sessions in a full week.
        var p = List.of(new Prescription(1, TODAY.minusDays(60), 5, 1));
        Map<LocalDate, Integer> weekdays = new HashMap<>();
        for (LocalDate d = TODAY.minusDays(60); !d.isAfter(TODAY); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                weekdays.put(d, 1);
            }
        }
        Figure week = AdherenceFormula.figure(p, weekdays, TODAY.minusDays(6), TODAY);
        // Fri..Wed done on 4 weekdays (Fri, Mon, Tue, Wed) over 6 full days = 6 × 5/7; today (Thu) done: 1 of 5/7.
        assertThat(week.done()).isEqualTo(5);
        assertThat(week.prescribed()).isCloseTo(6 * 5 / 7.0 + 5 / 7.0, within(1e-9));
        assertThat(week.percentText()).isEqualTo("100 %");
        assertThat(week.countText()).isEqualTo("5 of 5 sessions");
    }

    @Test
    void more_sessions_than_prescribed_count_up_to_the_days_sessions_and_the_figure_stops_at_100() {
        var p = List.of(daily(1, TODAY.minusDays(30), 2));
        Map<LocalDate, Integer> done = new HashMap<>();
        done.put(TODAY.minusDays(2), 6); // six sessions one day...
        Figure week = AdherenceFormula.figure(p, done, TODAY.minusDays(6), TODAY);
        // ...count as the 2 prescribed, and don't make up for the days with none.
        assertThat(week.done()).isEqualTo(2);
        assertThat(week.percent()).hasValue(17);

        var fewDays = List.of(new Prescription(1, TODAY.minusDays(30), 3, 1));
        Figure keen = AdherenceFormula.figure(fewDays, everyDay(TODAY.minusDays(30), TODAY, 1), TODAY.minusDays(6),
                TODAY);
        assertThat(keen.done()).isEqualTo(7);
        assertThat(keen.ratio()).isEqualTo(1.0);
        assertThat(keen.percentText()).isEqualTo("100 %");
    }

    @Test
    void today_is_the_clinics_day_across_midnight_utc() {
        // 23:30 UTC on 26 November is already 27 November in Sydney and still 26 November in London.
        Clock lateEvening = Clock.fixed(Instant.parse("2026-11-26T23:30:00Z"), ZoneId.of("UTC"));
        LocalDate london = LocalDate.now(lateEvening.withZone(ZoneId.of("Europe/London")));
        LocalDate sydney = LocalDate.now(lateEvening.withZone(ZoneId.of("Australia/Sydney")));
        assertThat(london).isEqualTo(TODAY);
        assertThat(sydney).isEqualTo(TODAY.plusDays(1));

        // A version published at 23:30 UTC begins on the 27th in Sydney: nothing is due there on the 26th.
        var published = Instant.parse("2026-11-26T23:30:00Z");
        var inSydney = List.of(daily(1, LocalDate.ofInstant(published, ZoneId.of("Australia/Sydney")), 1));
        var inLondon = List.of(daily(1, LocalDate.ofInstant(published, ZoneId.of("Europe/London")), 1));
        Map<LocalDate, Integer> done = Map.of(TODAY, 1);
        assertThat(AdherenceFormula.figure(inSydney, done, TODAY.minusDays(6), TODAY).defined()).isFalse();
        assertThat(AdherenceFormula.figure(inLondon, done, TODAY.minusDays(6), TODAY).done()).isEqualTo(1);
    }

    @Test
    void a_prescription_never_asks_more_than_its_sessions_a_day_every_day() {
        assertThatThrownBy(() -> new Prescription(1, TODAY, 15, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Prescription(1, TODAY, 14, 2).text()).isEqualTo("twice a day");
        assertThat(new Prescription(1, TODAY, 5, 1).text()).isEqualTo("5 sessions a week");
    }
}
