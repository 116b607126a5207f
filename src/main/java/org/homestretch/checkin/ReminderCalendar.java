package org.homestretch.checkin;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.transform.recurrence.Frequency;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Writes a patient's reminder calendar (RFC 5545): one repeating event per time of day, each with
 * an alarm at its start. The text says "Your stretches" and gives the page's address, nothing
 * more: calendars are synced to other companies' servers and shown on lock screens.
 */
final class ReminderCalendar {

    static final String TITLE = "Your stretches";
    /** Long enough for a round of stretches, short enough not to block a day in the calendar. */
    static final Duration LENGTH = Duration.ofMinutes(15);

    /**
     * Which weekdays, for a number of days a week: spread out, weekdays first. The program holds a
     * number of days, not which ones, so the patient can move single events in their calendar.
     */
    private static final List<List<WeekDay>> DAYS = List.of(
            List.of(WeekDay.MO),
            List.of(WeekDay.MO, WeekDay.TH),
            List.of(WeekDay.MO, WeekDay.WE, WeekDay.FR),
            List.of(WeekDay.MO, WeekDay.TU, WeekDay.TH, WeekDay.FR),
            List.of(WeekDay.MO, WeekDay.TU, WeekDay.WE, WeekDay.TH, WeekDay.FR),
            List.of(WeekDay.MO, WeekDay.TU, WeekDay.WE, WeekDay.TH, WeekDay.FR, WeekDay.SA),
            List.of(WeekDay.MO, WeekDay.TU, WeekDay.WE, WeekDay.TH, WeekDay.FR, WeekDay.SA, WeekDay.SU));

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    /**
     * @param seed     stable per patient access, so that a calendar re-imported or refreshed replaces its events
     * @param firstDay the first day that may hold a reminder
     */
    static String write(List<LocalTime> times, int daysPerWeek, ZoneId zone, LocalDate firstDay, Instant now,
                        UUID seed, String link, String host) {
        List<WeekDay> days = DAYS.get(Math.clamp(daysPerWeek, 1, 7) - 1);
        LocalDate start = firstDay;
        while (!days.contains(WeekDay.getWeekDay(start.getDayOfWeek()))) {
            start = start.plusDays(1);
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//HomeStretch//Reminders//EN"));
        calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(new Method(Method.VALUE_PUBLISH));
        calendar.add(new XProperty("X-WR-CALNAME", TITLE));
        // Subscribed calendars: look for program changes twice a day.
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT12H"));
        VTimeZone timeZone = ZONES.getTimeZone(zone.getId()).getVTimeZone();
        calendar.add(timeZone);
        for (int slot = 0; slot < times.size(); slot++) {
            calendar.add(event(times.get(slot), slot, days, zone, start, now, seed, link, host));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VEvent event(LocalTime time, int slot, List<WeekDay> days, ZoneId zone, LocalDate start,
                                Instant now, UUID seed, String link, String host) {
        VEvent event = new VEvent(false);
        String uid = UUID.nameUUIDFromBytes((seed + "/reminder/" + slot).getBytes(StandardCharsets.UTF_8)) + "@" + host;
        event.add(new Uid(uid));
        event.add(new DtStamp(now));
        ZonedDateTime at = ZonedDateTime.of(start, time, zone);
        event.add(new DtStart<>(new ParameterList(List.of(new TzId(zone.getId()))), at));
        event.add(new net.fortuna.ical4j.model.property.Duration(LENGTH));
        Recur.Builder<ZonedDateTime> rule = new Recur.Builder<>();
        if (days.size() == 7) {
            rule.frequency(Frequency.DAILY);
        } else {
            rule.frequency(Frequency.WEEKLY).dayList(days);
        }
        event.add(new RRule<>(rule.build()));
        event.add(new Summary(TITLE));
        event.add(new Description(link));
        event.add(new Url(URI.create(link)));
        VAlarm alarm = new VAlarm(Duration.ZERO);
        alarm.add(new Action(Action.VALUE_DISPLAY));
        alarm.add(new Description(TITLE));
        event.add(alarm);
        return event;
    }

    /** The first weekday of a week's reminders, for tests and the page's wording. */
    static List<DayOfWeek> days(int daysPerWeek) {
        return DAYS.get(Math.clamp(daysPerWeek, 1, 7) - 1).stream().map(WeekDay::getDayOfWeek).toList();
    }

    private ReminderCalendar() {
    }
}
