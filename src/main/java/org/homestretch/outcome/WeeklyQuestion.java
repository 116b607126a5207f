package org.homestretch.outcome;

import org.homestretch.audit.ActorKind;
import org.homestretch.audit.AuditAction;
import org.homestretch.audit.AuditLog;
import org.homestretch.base.FieldProblem;
import org.homestretch.patient.PatientId;
import org.homestretch.security.ClinicId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The phone page's weekly question: pain now (NPRS) and the PSFS activities the therapist
 * recorded, on the weekday the therapist picked (the weekday the program started, unless
 * changed). It belongs to the week that starts on that day: it shows on that day, or on the
 * first visit later in the week, until it is answered or put off; then not again until the next
 * week's day. See docs/OUTCOMES.md.
 *
 * <p>For the patient's own page, where nobody signs in: the caller has proven access to this
 * patient of this clinic, and both ids come from that proof, never from a URL.
 */
@Service
public class WeeklyQuestion {

    /** The question of the week that began on {@code dueOn}; {@code activities} are the PSFS's, maybe none. */
    public record Due(LocalDate dueOn, List<String> activities) {
    }

    public enum Result { SAVED, PUT_OFF, ALREADY_ANSWERED }

    private final WeeklyRepository weekly;
    private final OutcomeRepository scores;
    private final AuditLog audit;
    private final Clock clock;

    WeeklyQuestion(WeeklyRepository weekly, OutcomeRepository scores, AuditLog audit, Clock clock) {
        this.weekly = weekly;
        this.scores = scores;
        this.audit = audit;
        this.clock = clock;
    }

    /** The question to ask now, if any. */
    @Transactional(readOnly = true)
    public Optional<Due> due(ClinicId clinic, PatientId patient, ZoneId zone) {
        Optional<LocalDate> start = weekly.programStart(clinic, patient).map(at -> LocalDate.ofInstant(at, zone));
        if (start.isEmpty()) {
            return Optional.empty();
        }
        DayOfWeek day = weekly.weekday(clinic, patient).orElse(start.get().getDayOfWeek());
        return dueDay(today(zone), start.get(), day)
                .filter(due -> !weekly.responded(clinic, patient, due))
                .map(due -> new Due(due, weekly.lastActivities(clinic, patient)));
    }

    /**
     * The day this week's question came: the latest {@code weekday} up to today. None on the
     * program's first day or before the first such weekday after it: the baseline is taken at
     * the visit that starts the program, so the phone first asks a week later.
     */
    static Optional<LocalDate> dueDay(LocalDate today, LocalDate programStart, DayOfWeek weekday) {
        LocalDate due = today.with(TemporalAdjusters.previousOrSame(weekday));
        return due.isAfter(programStart) ? Optional.of(due) : Optional.empty();
    }

    /**
     * Stores the answers as scores entered by the patient (source PHONE, no staff user), each
     * with an audit entry by the patient. {@code activityScores} holds the answers to the PSFS
     * activities in the order asked (null: not answered). Throws with a problem per unanswered
     * question ("nprs", "activity0", ...), storing nothing. A resend, or an answer to a question
     * no longer open, stores nothing and says so.
     */
    @Transactional
    public Result answer(ClinicId clinic, PatientId patient, ZoneId zone, LocalDate postedDue, Integer pain,
                         List<Integer> activityScores) {
        Optional<Due> due = due(clinic, patient, zone);
        if (due.isEmpty() || !due.get().dueOn().equals(postedDue)) {
            return Result.ALREADY_ANSWERED;
        }
        List<String> activities = due.get().activities();
        List<FieldProblem> problems = new ArrayList<>();
        String pick = "Please pick a number from 0 to 10.";
        if (!inRange(pain)) {
            problems.add(new FieldProblem("nprs", pick));
        }
        List<OutcomeScore.Item> items = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            Integer score = i < activityScores.size() ? activityScores.get(i) : null;
            if (!inRange(score)) {
                problems.add(new FieldProblem("activity" + i, pick));
            } else {
                items.add(new OutcomeScore.Item(activities.get(i), score));
            }
        }
        if (!problems.isEmpty()) {
            throw new OutcomeException(problems);
        }
        LocalDate today = today(zone);
        if (!weekly.insertResponse(clinic, patient, postedDue, "ANSWERED", today, clock.instant())) {
            return Result.ALREADY_ANSWERED;
        }
        store(clinic, patient, Measure.NPRS, today, List.of(new OutcomeScore.Item(OutcomeEntry.PAIN, pain)));
        if (!items.isEmpty()) {
            store(clinic, patient, Measure.PSFS, today, items);
        }
        return Result.SAVED;
    }

    /** "Not now": this week's question goes away until the next week's day. */
    @Transactional
    public Result putOff(ClinicId clinic, PatientId patient, ZoneId zone, LocalDate postedDue) {
        Optional<Due> due = due(clinic, patient, zone);
        if (due.isEmpty() || !due.get().dueOn().equals(postedDue)
                || !weekly.insertResponse(clinic, patient, postedDue, "SKIPPED", today(zone), clock.instant())) {
            return Result.ALREADY_ANSWERED;
        }
        return Result.PUT_OFF;
    }

    private void store(ClinicId clinic, PatientId patient, Measure measure, LocalDate today,
                       List<OutcomeScore.Item> items) {
        scores.insert(clinic, patient, measure, today, items, null, "PHONE", clock.instant());
        // Like the patient's other actions on their page: the patient is the actor.
        audit.recordFor(clinic.value(), patient.value(), ActorKind.PATIENT, AuditAction.OUTCOME_RECORDED,
                patient.value(), measure.id());
    }

    private static boolean inRange(Integer score) {
        return score != null && score >= 0 && score <= 10;
    }

    private LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }
}
