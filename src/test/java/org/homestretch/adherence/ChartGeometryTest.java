package org.homestretch.adherence;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The charts' labels: inside the drawing, never on top of each other, every version named. */
class ChartGeometryTest {

    static final LocalDate MONDAY_30_NOV = LocalDate.of(2026, 11, 30);

    @Test
    void the_last_date_on_the_axis_ends_inside_the_chart() {
        // A program that began on Wednesday 16 September puts a tick on Monday 30 November, today: the right edge.
        Drawing chart = PainChart.build(Map.of(), List.of(version(1, LocalDate.of(2026, 9, 16))),
                LocalDate.of(2026, 9, 16), MONDAY_30_NOV);

        Drawing.Label last = labels(chart).stream().filter(l -> l.text().equals("30 Nov")).findFirst().orElseThrow();
        assertThat(last.box()[2]).isLessThanOrEqualTo(chart.width);
        assertInsideAndApart(chart);
    }

    @Test
    void versions_published_on_the_same_or_nearby_days_share_one_label() {
        LocalDate from = LocalDate.of(2026, 9, 7);
        List<ProgramChange> versions = List.of(version(1, from), version(2, LocalDate.of(2026, 10, 1)),
                version(3, LocalDate.of(2026, 10, 1)), version(4, LocalDate.of(2026, 10, 2)),
                version(5, LocalDate.of(2026, 11, 2)), version(6, MONDAY_30_NOV), version(7, MONDAY_30_NOV));

        Drawing chart = PainChart.build(Map.of(), versions, from, MONDAY_30_NOV);

        List<String> versionLabels = labels(chart).stream().filter(Drawing.Label::bold).map(Drawing.Label::text).toList();
        assertThat(versionLabels).containsExactlyInAnyOrder("v2\u2013v4", "v5", "v6, v7");
        assertInsideAndApart(chart);
    }

    @Test
    void labels_never_overlap_or_leave_the_chart_whatever_the_dates() {
        Random random = new Random(42);
        for (int run = 0; run < 300; run++) {
            LocalDate today = MONDAY_30_NOV.minusDays(random.nextInt(14));
            LocalDate from = today.minusDays(random.nextInt(84));
            List<ProgramChange> versions = new ArrayList<>();
            versions.add(version(1, from));
            LocalDate day = from;
            for (int n = 2; n <= 2 + random.nextInt(8); n++) {
                day = day.plusDays(random.nextInt(6) == 0 ? random.nextInt(30) : random.nextInt(3));
                if (day.isAfter(today)) {
                    break;
                }
                versions.add(version(n, day));
            }
            Map<LocalDate, AdherenceRepository.Day> days = new HashMap<>();
            for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
                days.put(d, new AdherenceRepository.Day(d, 1, 0, (double) random.nextInt(11), 9, d.equals(today)));
            }

            Drawing pain = PainChart.build(days, versions, from, today);
            assertInsideAndApart(pain);
            assertThat(named(pain)).as("run %d", run)
                    .isEqualTo(versions.stream().skip(1).map(ProgramChange::number).collect(Collectors.toSet()));
            assertInsideAndApart(CalendarChart.build(days, versions, today));
        }
    }

    @Test
    void a_patient_who_started_three_days_ago_sees_this_week_and_when_it_began() {
        LocalDate thursday = LocalDate.of(2026, 11, 26);
        LocalDate monday = thursday.minusDays(3);
        Drawing calendar = CalendarChart.build(Map.of(monday, new AdherenceRepository.Day(monday, 1, 0, 3.0, 3, false)),
                List.of(version(1, monday)), thursday);

        assertThat(squares(calendar)).isEqualTo(7);
        assertThat(labels(calendar)).extracting(Drawing.Label::text)
                .contains("Program began Monday 23 November 2026", "23 Nov").doesNotContain("16 Nov", "14 Sep");
        assertThat(calendar.description).startsWith("Calendar since the program began");
        assertThat(CalendarChart.heading("Sessions", monday, thursday)).isEqualTo("Sessions since the program began");
        assertInsideAndApart(calendar);

        // Begun on Saturday, seen on Tuesday: last week and this week.
        LocalDate tuesday = LocalDate.of(2026, 12, 1);
        assertThat(squares(CalendarChart.build(Map.of(), List.of(version(1, tuesday.minusDays(3))), tuesday)))
                .isEqualTo(14);
        // Begun long ago: twelve weeks, no more.
        assertThat(squares(CalendarChart.build(Map.of(), List.of(version(1, tuesday.minusYears(1))), tuesday)))
                .isEqualTo(7 * CalendarChart.WEEKS);
        assertThat(CalendarChart.heading("Sessions", tuesday.minusYears(1), tuesday)).isEqualTo("Sessions, last 12 weeks");
        assertThat(tuesday.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
    }

    /** The version numbers the labels name: "v2, v3" names 2 and 3, "v2–v5" names 2 to 5. */
    private static Set<Integer> named(Drawing d) {
        Set<Integer> numbers = new TreeSet<>();
        for (Drawing.Label l : labels(d)) {
            if (!l.bold()) {
                continue;
            }
            for (String part : l.text().split(", ")) {
                String[] ends = part.replace("v", "").split("\u2013");
                for (int n = Integer.parseInt(ends[0]); n <= Integer.parseInt(ends[ends.length - 1]); n++) {
                    numbers.add(n);
                }
            }
        }
        return numbers;
    }

    static ProgramChange version(int number, LocalDate starts) {
        return new ProgramChange(new Prescription(number, starts, 14, 2), List.of("Change " + number));
    }

    static List<Drawing.Label> labels(Drawing d) {
        return d.shapes.stream().filter(Drawing.Label.class::isInstance).map(Drawing.Label.class::cast).toList();
    }

    private static long squares(Drawing d) {
        return d.shapes.stream().filter(s -> s instanceof Drawing.Box b && b.w() > 20).count();
    }

    static void assertInsideAndApart(Drawing d) {
        List<Drawing.Label> labels = labels(d);
        for (Drawing.Label l : labels) {
            float[] box = l.box();
            assertThat(box[0]).as("left of %s", l.text()).isGreaterThanOrEqualTo(0);
            assertThat(box[1]).as("top of %s", l.text()).isGreaterThanOrEqualTo(0);
            assertThat(box[2]).as("right of %s", l.text()).isLessThanOrEqualTo(d.width);
            assertThat(box[3]).as("bottom of %s", l.text()).isLessThanOrEqualTo(d.height);
        }
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(labels.get(i).overlaps(labels.get(j), 0))
                        .as("%s overlaps %s", labels.get(i).text(), labels.get(j).text()).isFalse();
            }
        }
    }
}
