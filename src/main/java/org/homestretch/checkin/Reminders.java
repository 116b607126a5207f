package org.homestretch.checkin;

import org.homestretch.audit.ActorKind;
import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditLog;
import org.homestretch.base.PublicAddress;
import org.homestretch.patient.PatientId;
import org.homestretch.program.ProgramId;
import org.homestretch.program.ProgramService;
import org.homestretch.program.ProgramVersion;
import org.homestretch.security.ClinicId;
import org.homestretch.security.CurrentUser;
import org.homestretch.security.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Calendar reminders: the file a patient downloads and the feed (webcal) a calendar app
 * subscribes to. The feed has a token of its own, so the clinic can turn it off without
 * touching the phone link; it ends with the phone access too. The patient side is scoped by the
 * {@link PatientContext}, the therapist side by the signed-in user's clinic.
 */
@Service
class Reminders {

    /** Where the reminders start, by sessions a day: morning first, the last one in the evening. */
    private static final List<List<LocalTime>> DEFAULT_TIMES = List.of(
            times("08:00"), times("08:00", "18:00"), times("08:00", "13:00", "18:00"),
            times("08:00", "12:00", "16:00", "20:00"), times("08:00", "11:00", "14:00", "17:00", "20:00"),
            times("08:00", "10:00", "12:00", "14:00", "16:00", "18:00"));

    /** What the program asks for: one reminder time per session of the day, on so many days a week. */
    record Plan(List<LocalTime> times, int daysPerWeek) {
    }

    /** The live feed as the patient sees it: {@code webcal} opens a calendar app, {@code https} is for copying. */
    record Subscription(String webcal, String https, List<LocalTime> times) {
        @Override
        public String toString() {
            return "Subscription[" + times + "]";
        }
    }

    /** What the therapist sees: no address, only that it exists and when it was last read. */
    record FeedInfo(Instant createdAt, Instant lastUsedAt) {
    }

    private final CalendarRepository feeds;
    private final AccessKeys keys;
    private final ProgramService programs;
    private final CurrentUser currentUser;
    private final PublicAddress publicAddress;
    private final Clock clock;
    private final AuditLog audit;

    Reminders(CalendarRepository feeds, AccessKeys keys, ProgramService programs, CurrentUser currentUser,
              PublicAddress publicAddress, Clock clock, AuditLog audit) {
        this.feeds = feeds;
        this.keys = keys;
        this.programs = programs;
        this.currentUser = currentUser;
        this.publicAddress = publicAddress;
        this.clock = clock;
        this.audit = audit;
    }

    // ---- the patient's phone ----

    /** The times to offer: the feed's times if there is one, else the defaults; empty without a program. */
    @Transactional(readOnly = true)
    Optional<Plan> plan(PatientContext patient) {
        List<LocalTime> chosen = feeds.live(patient.accessId()).map(CalendarRepository.Feed::times).orElse(List.of());
        return programNow(patient.clinicId(), patient.programId()).map(version -> plan(version, chosen));
    }

    @Transactional(readOnly = true)
    Optional<Subscription> subscription(PatientContext patient) {
        return feeds.live(patient.accessId()).map(this::subscription);
    }

    /** The calendar file for the times chosen (one per session of the day; checked by the caller). */
    String file(PatientContext patient, Plan plan) {
        return ReminderCalendar.write(plan.times(), plan.daysPerWeek(), patient.zone(),
                LocalDate.now(clock.withZone(patient.zone())), clock.instant(), patient.accessId(), pageLink(), host());
    }

    /** Makes the feed (audited, once) or stores new times in the one there is; the address stays the same. */
    @Transactional
    Subscription subscribe(PatientContext patient, List<LocalTime> times) {
        Optional<CalendarRepository.Feed> live = feeds.live(patient.accessId());
        if (live.isPresent()) {
            feeds.setTimes(live.get().id(), times);
        } else {
            byte[] nonce = AccessKeys.randomBytes(32);
            if (feeds.insert(patient.clinicId(), patient.accessId(), nonce,
                    AccessKeys.tokenHash(keys.calendarToken(nonce)), times, clock.instant())) {
                UUID by = patient.patientId().value();
                audit.recordFor(patient.clinicId().value(), by, ActorKind.PATIENT, AuditAction.CALENDAR_LINK_ISSUED,
                        by, "");
            }
        }
        return feeds.live(patient.accessId()).map(this::subscription).orElseThrow();
    }

    // ---- the calendar app ----

    /** The calendar behind a feed token, as the program stands today; empty for anything not live. */
    @Transactional
    Optional<String> feed(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return feeds.byToken(AccessKeys.tokenHash(token)).map(served -> {
            feeds.touch(served.feed().id(), clock.instant());
            CalendarRepository.Feed feed = served.feed();
            // A program with no version left shows an empty calendar rather than "not found".
            Plan plan = programNow(served.clinicId(), served.programId())
                    .map(version -> plan(version, feed.times())).orElse(new Plan(List.of(), 7));
            LocalDate first = LocalDate.ofInstant(feed.createdAt(), served.zone());
            return ReminderCalendar.write(plan.times(), plan.daysPerWeek(), served.zone(), first, clock.instant(),
                    feed.accessId(), pageLink(), host());
        });
    }

    // ---- the therapist ----

    @Transactional(readOnly = true)
    public Optional<FeedInfo> find(PatientId patientId) {
        SignedInUser user = currentUser.require();
        return programs.programOf(patientId).flatMap(program -> feeds.liveForProgram(user.clinicId(), program))
                .map(feed -> new FeedInfo(feed.createdAt(), feed.lastUsedAt()));
    }

    /** Ends the calendar feed; the phone link and code stay. */
    @Transactional
    public boolean revoke(PatientId patientId) {
        SignedInUser user = currentUser.require();
        boolean revoked = programs.programOf(patientId)
                .map(program -> feeds.revoke(user.clinicId(), program, user.userId(), clock.instant()) > 0)
                .orElse(false);
        if (revoked) {
            audit.record(AuditAction.CALENDAR_LINK_REVOKED, patientId.value(), "");
        }
        return revoked;
    }

    // ----

    /** As many times as sessions a day: the ones chosen first, then the defaults for any new session. */
    static Plan plan(ProgramVersion version, List<LocalTime> chosen) {
        int sessions = CheckinService.sessionsPerDay(version);
        int days = version.items().stream().mapToInt(i -> i.dosage().daysPerWeek()).max().orElse(7);
        List<LocalTime> times = new ArrayList<>(defaults(sessions));
        for (int i = 0; i < Math.min(sessions, chosen.size()); i++) {
            times.set(i, chosen.get(i));
        }
        return new Plan(List.copyOf(times), days);
    }

    static List<LocalTime> defaults(int sessions) {
        return DEFAULT_TIMES.get(Math.clamp(sessions, 1, DEFAULT_TIMES.size()) - 1);
    }

    private Optional<ProgramVersion> programNow(ClinicId clinicId, ProgramId programId) {
        return programs.versionInEffect(clinicId, programId, clock.instant());
    }

    private Subscription subscription(CalendarRepository.Feed feed) {
        String https = publicAddress.link("/p/calendar/" + keys.calendarToken(feed.nonce()) + ".ics");
        return new Subscription(https.replaceFirst("^https?://", "webcal://"), https, feed.times());
    }

    /** The page itself, not the sign-in link: a calendar is no place for a key to the patient's page. */
    private String pageLink() {
        return publicAddress.link("/p/today");
    }

    private String host() {
        String host = URI.create(publicAddress.link("/")).getHost();
        return host == null ? "homestretch" : host;
    }

    private static List<LocalTime> times(String... values) {
        return java.util.Arrays.stream(values).map(LocalTime::parse).toList();
    }
}
