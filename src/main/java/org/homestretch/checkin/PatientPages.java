package org.homestretch.checkin;

import jakarta.servlet.http.HttpServletResponse;
import org.homestretch.catalog.Dosage;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns a patient's day into what the phone page shows, in plain words. */
@Component
class PatientPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    public record DayLink(String value, String label, boolean current) {
    }

    public record SessionView(int number, String state, String summary) {
    }

    /** {@code amount} gives the guided session's timer its numbers (data attributes on the page). */
    public record ExerciseView(int position, String name, String dosage, List<String> steps, List<String> stopIf,
                               String figureSvg, Dosage amount) {
    }

    public record Option(String value, String label) {
    }

    public record UndoView(String id, String until) {
    }

    private final CheckinService checkins;

    PatientPages(CheckinService checkins) {
        this.checkins = checkins;
    }

    /**
     * @param posted the form as the patient sent it, shown again after a refused or failed save; null for a fresh page
     */
    String day(PatientContext patient, LocalDate date, PatientPageForm posted, Map<String, String> errors,
               PatientPageController.Notice notice, Model model, HttpServletResponse response) {
        LocalDate today = checkins.today(patient);
        model.addAttribute("firstName", patient.firstName());
        model.addAttribute("clinicName", patient.clinicName());
        model.addAttribute("clinicPhone", patient.clinicPhone());
        model.addAttribute("outOfHoursPhone", patient.outOfHoursPhone());
        model.addAttribute("emergencyNumber", patient.emergencyNumber());
        model.addAttribute("dayLabel", label(date, today));
        model.addAttribute("day", date.toString());
        // Only days the program existed on: a program handed out today offers no "yesterday".
        model.addAttribute("days", checkins.fillableDays(patient).stream()
                .filter(d -> d.equals(today) || checkins.hadProgramOn(patient, d))
                .map(d -> new DayLink(d.toString(), label(d, today), d.equals(date))).toList());
        model.addAttribute("errors", errors);
        // A refused note goes next to the box it was typed in: the skip form has its own.
        model.addAttribute("postedSkip", posted != null && "skip".equals(posted.getOutcome()));
        warningQuestions(model);
        model.addAttribute("difficulties", options(Difficulty.values()));
        model.addAttribute("reasons", options(SkipReason.values()));

        Optional<DayPlan> found = checkins.day(patient, date);
        if (found.isEmpty()) {
            model.addAttribute("notice", "");
            model.addAttribute("warning", false);
            model.addAttribute("emergency", false);
            model.addAttribute("noProgram", true);
            return "patient/day";
        }
        DayPlan plan = found.get();
        model.addAttribute("notice", notice == null || !notice.stillTrue(plan) ? "" : notice.kind());
        model.addAttribute("warning", plan.warning());
        model.addAttribute("emergency", plan.warningTier() == Symptom.Tier.EMERGENCY);
        model.addAttribute("noProgram", false);
        model.addAttribute("sessions", plan.sessions().stream().map(s -> session(s, patient)).toList());
        model.addAttribute("sessionsPerDay", plan.sessions().size());
        model.addAttribute("allRecorded", plan.allRecorded());
        model.addAttribute("allDone", plan.allDone());
        Optional<DayPlan.Slot> next = plan.next();
        int session = next.map(DayPlan.Slot::number).orElse(1);
        model.addAttribute("next", next.isPresent() ? session : 0);
        model.addAttribute("exercises", plan.exercisesFor(session).stream()
                .map(e -> new ExerciseView(e.position(), e.name(), e.dosage(), e.steps(), e.stopIf(), e.figureSvg(),
                        e.amount()))
                .toList());
        boolean postedSkip = posted != null && "skip".equals(posted.getOutcome());
        model.addAttribute("form", posted != null && !postedSkip ? posted : PatientPageForm.fresh(date, session));
        model.addAttribute("skipForm", postedSkip ? posted : skipForm(date, session));
        model.addAttribute("undo", plan.undoable()
                .map(c -> new UndoView(c.id().toString(), TIME.format(c.createdAt().plus(CheckinService.UNDO_WINDOW)
                        .atZone(patient.zone()))))
                .orElse(null));
        return "patient/day";
    }

    /** The emergency signs are asked first, as a question of their own. */
    static void warningQuestions(Model model) {
        model.addAttribute("emergencySigns", options(Symptom.of(Symptom.Tier.EMERGENCY).toArray(Symptom[]::new)));
        model.addAttribute("urgentSigns", options(Symptom.of(Symptom.Tier.URGENT).toArray(Symptom[]::new)));
    }

    private static PatientPageForm skipForm(LocalDate date, int session) {
        PatientPageForm form = PatientPageForm.fresh(date, session);
        form.setOutcome("skip");
        return form;
    }

    private static SessionView session(DayPlan.Slot slot, PatientContext patient) {
        if (slot.recorded().isEmpty()) {
            return new SessionView(slot.number(), "open", "Not done yet");
        }
        Checkin c = slot.recorded().get();
        String time = TIME.format(c.createdAt().atZone(patient.zone()));
        if (!c.done()) {
            return new SessionView(slot.number(), "skipped", c.skipReason().notDone());
        }
        String summary = (c.source() == CheckinSource.PAPER ? "Done" : "Done at " + time)
                + (c.pain() == null ? "" : " · pain " + c.pain() + " of 10");
        return new SessionView(slot.number(), "done", summary);
    }

    private static String label(LocalDate date, LocalDate today) {
        if (date.equals(today)) {
            return "Today";
        }
        if (date.equals(today.minusDays(1))) {
            return "Yesterday";
        }
        return DAY.format(date);
    }

    private static <E extends Enum<E> & Labelled> List<Option> options(E[] values) {
        return Arrays.stream(values).map(v -> new Option(v.name(), v.label())).toList();
    }
}
