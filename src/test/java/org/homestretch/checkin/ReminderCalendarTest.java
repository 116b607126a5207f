package org.homestretch.checkin;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.RRule;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar file read back with ical4j, as a phone's calendar would read it. */
class ReminderCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-11-30T10:15:00Z");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final UUID SEED = UUID.fromString("3f1b1c1e-0000-4000-8000-000000000001");
    private static final String LINK = "https://physio.example.org/p/today";

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    @Test
    void once_a_day_every_day_is_one_daily_event_with_an_alarm_at_its_start() throws Exception {
        String ics = ReminderCalendar.write(List.of(LocalTime.of(7, 30)), 7, BERLIN, MONDAY, NOW, SEED, LINK,
                "physio.example.org");
        Calendar calendar = parse(ics);

        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        VEvent event = events.getFirst();
        assertThat(event.getProperty(Property.RRULE).orElseThrow().getValue()).isEqualTo("FREQ=DAILY");
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20261130T073000");
        assertThat(event.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Berlin");
        assertThat(event.getProperty(Property.DTSTAMP).orElseThrow().getValue()).isEqualTo("20261130T101500Z");
        assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).endsWith("@physio.example.org");
        assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo("Your stretches");
        assertThat(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue()).isEqualTo(LINK);
        assertAlarmAtStart(event);
        List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
        assertThat(zones).hasSize(1);
        assertThat(zones.getFirst().getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Europe/Berlin");
        assertThat(calendar.getProperty(Property.VERSION).orElseThrow().getValue()).isEqualTo("2.0");
    }

    @Test
    void twice_a_day_is_two_events_morning_and_evening_with_their_own_alarms_and_uids() throws Exception {
        Calendar calendar = parse(ReminderCalendar.write(List.of(LocalTime.of(8, 0), LocalTime.of(18, 0)), 7,
                BERLIN, MONDAY, NOW, SEED, LINK, "physio.example.org"));

        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(2);
        assertThat(events).extracting(e -> e.getProperty(Property.DTSTART).orElseThrow().getValue())
                .containsExactly("20261130T080000", "20261130T180000");
        assertThat(events).extracting(e -> e.getProperty(Property.RRULE).orElseThrow().getValue())
                .containsExactly("FREQ=DAILY", "FREQ=DAILY");
        assertThat(events).extracting(e -> e.getProperty(Property.UID).orElseThrow().getValue())
                .doesNotHaveDuplicates();
        events.forEach(ReminderCalendarTest::assertAlarmAtStart);
    }

    @Test
    void five_days_a_week_is_weekly_monday_to_friday_starting_on_the_first_of_those_days() throws Exception {
        LocalDate saturday = LocalDate.of(2026, 12, 5);
        Calendar calendar = parse(ReminderCalendar.write(List.of(LocalTime.of(9, 0)), 5, BERLIN, saturday, NOW,
                SEED, LINK, "physio.example.org"));

        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        RRule<?> rule = events.getFirst().<RRule<?>>getProperty(Property.RRULE).orElseThrow();
        assertThat(rule.getValue()).isEqualTo("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
        // Saturday is not one of them: the first reminder is on Monday.
        assertThat(events.getFirst().getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20261207T090000");
        assertAlarmAtStart(events.getFirst());
    }

    @Test
    void the_events_hold_the_title_and_the_link_and_nothing_else() throws Exception {
        String ics = ReminderCalendar.write(List.of(LocalTime.of(8, 0)), 3, BERLIN, MONDAY, NOW, SEED, LINK, "h");
        VEvent event = parse(ics).<VEvent>getComponents(Component.VEVENT).getFirst();

        assertThat(names(event.getProperties())).containsExactlyInAnyOrder(
                "UID", "DTSTAMP", "DTSTART", "DURATION", "RRULE", "SUMMARY", "DESCRIPTION", "URL");
        assertThat(event.getProperty(Property.RRULE).orElseThrow().getValue()).isEqualTo("FREQ=WEEKLY;BYDAY=MO,WE,FR");
        assertThat(event.getProperty(Property.URL).orElseThrow().getValue()).isEqualTo(LINK);
        assertThat(names(event.getAlarms().getFirst().getProperties()))
                .containsExactlyInAnyOrder("ACTION", "TRIGGER", "DESCRIPTION");
    }

    private static List<String> names(List<? extends Property> properties) {
        return properties.stream().map(Property::getName).toList();
    }

    private static void assertAlarmAtStart(VEvent event) {
        List<VAlarm> alarms = event.getAlarms();
        assertThat(alarms).hasSize(1);
        VAlarm alarm = alarms.getFirst();
        assertThat(alarm.getProperty(Property.ACTION).orElseThrow().getValue()).isEqualTo("DISPLAY");
        assertThat(alarm.getProperty(Property.TRIGGER).orElseThrow().getValue()).isIn("PT0S", "P0D", "PT0M");
        assertThat(alarm.getProperty(Property.DESCRIPTION).orElseThrow().getValue()).isEqualTo("Your stretches");
    }
}
