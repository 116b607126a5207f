package org.homestretch.checkin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Remind me" on the phone page: times of day for the prescribed sessions, a calendar file to
 * import, and a calendar link that follows program changes. Plain forms, no JavaScript. The
 * calendar link itself ({@code /p/calendar/<token>.ics}) is read by calendar apps, which have no
 * cookie: its token is all they show, and anything not live is a plain 404.
 */
@Controller
class ReminderController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final PatientSignIn signIn;
    private final Reminders reminders;

    ReminderController(PatientSignIn signIn, Reminders reminders) {
        this.signIn = signIn;
        this.reminders = reminders;
    }

    @ModelAttribute
    void privacyHeaders(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
    }

    @GetMapping("/p/remind")
    String page(@CookieValue(name = PatientPageController.COOKIE, required = false) String session,
                @RequestParam(name = "made", required = false) String made, Model model) {
        Optional<PatientContext> patient = signIn.resolve(session);
        if (patient.isEmpty()) {
            return "redirect:/p";
        }
        Optional<Reminders.Plan> plan = reminders.plan(patient.get());
        List<String> times = plan.map(p -> p.times().stream().map(LocalTime::toString).toList()).orElse(List.of());
        return page(patient.get(), plan, times, Map.of(), made != null, model);
    }

    /** The calendar file. A GET: it changes nothing, and the phone hands the answer to its calendar app. */
    @GetMapping("/p/remind/calendar.ics")
    Object file(@CookieValue(name = PatientPageController.COOKIE, required = false) String session,
                @RequestParam(name = "at", required = false) List<String> at, HttpServletResponse response,
                Model model) {
        Optional<PatientContext> patient = signIn.resolve(session);
        if (patient.isEmpty()) {
            return "redirect:/p";
        }
        Optional<Reminders.Plan> plan = reminders.plan(patient.get());
        Chosen chosen = chosen(at, plan);
        if (plan.isEmpty() || !chosen.errors().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(patient.get(), plan, chosen.typed(), chosen.errors(), false, model);
        }
        String ics = reminders.file(patient.get(), new Reminders.Plan(chosen.times(), plan.get().daysPerWeek()));
        return ResponseEntity.ok().contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("stretches.ics").build().toString())
                .body(ics);
    }

    @PostMapping("/p/remind/link")
    String subscribe(@CookieValue(name = PatientPageController.COOKIE, required = false) String session,
                     @RequestParam(name = "at", required = false) List<String> at, HttpServletRequest request,
                     HttpServletResponse response, Model model) {
        Optional<PatientContext> patient = signIn.resolve(session);
        if (patient.isEmpty() || PatientPageController.crossSite(request)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "patient/gone";
        }
        Optional<Reminders.Plan> plan = reminders.plan(patient.get());
        Chosen chosen = chosen(at, plan);
        if (plan.isEmpty() || !chosen.errors().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(patient.get(), plan, chosen.typed(), chosen.errors(), false, model);
        }
        reminders.subscribe(patient.get(), chosen.times());
        return "redirect:/p/remind?made=1#link";
    }

    /** For calendar apps: no cookie, no page, and no word on why a link does not work. */
    @GetMapping("/p/calendar/{file}")
    @ResponseBody
    ResponseEntity<String> feed(@PathVariable("file") String file) {
        // Not "{token}.ics": that pattern decodes the address strictly and fails on bytes that are not UTF-8.
        String token = file.endsWith(".ics") ? file.substring(0, file.length() - 4) : "";
        return reminders.feed(token)
                .map(ics -> ResponseEntity.ok().contentType(CALENDAR).body(ics))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private String page(PatientContext patient, Optional<Reminders.Plan> plan, List<String> typed,
                        Map<String, String> errors, boolean made, Model model) {
        model.addAttribute("clinicName", patient.clinicName());
        model.addAttribute("noProgram", plan.isEmpty());
        model.addAttribute("times", typed);
        model.addAttribute("labels", labels(typed.size()));
        model.addAttribute("errors", errors);
        model.addAttribute("howOften", plan.map(ReminderController::howOften).orElse(""));
        model.addAttribute("subscription", reminders.subscription(patient).orElse(null));
        model.addAttribute("made", made);
        return "patient/remind";
    }

    private record Chosen(List<LocalTime> times, List<String> typed, Map<String, String> errors) {
    }

    /** One time per session; a time left empty takes the suggested one, a wrong one gets a message beside it. */
    private static Chosen chosen(List<String> at, Optional<Reminders.Plan> plan) {
        List<LocalTime> suggested = plan.map(Reminders.Plan::times).orElse(List.of());
        List<LocalTime> times = new ArrayList<>();
        List<String> typed = new ArrayList<>();
        Map<String, String> errors = new HashMap<>();
        for (int i = 0; i < suggested.size(); i++) {
            String value = at != null && i < at.size() && at.get(i) != null ? at.get(i).strip() : "";
            typed.add(value.length() > 8 ? value.substring(0, 8) : value);
            if (value.isEmpty()) {
                times.add(suggested.get(i));
                typed.set(i, suggested.get(i).toString());
                continue;
            }
            try {
                times.add(LocalTime.parse(value.length() == 4 ? "0" + value : value).withSecond(0).withNano(0));
            } catch (DateTimeParseException e) {
                errors.put("at" + i, "Type the time like 08:30 or 18:00.");
            }
        }
        return new Chosen(times, typed, errors);
    }

    /** What the patient sees beside each time: "Morning" and "Evening" for two sessions. */
    static List<String> labels(int sessions) {
        return switch (sessions) {
            case 1 -> List.of("Time");
            case 2 -> List.of("Morning", "Evening");
            case 3 -> List.of("Morning", "Midday", "Evening");
            default -> java.util.stream.IntStream.rangeClosed(1, sessions).mapToObj(n -> "Session " + n).toList();
        };
    }

    /** "Twice a day, every day" or "Once a day, 5 days a week (Monday to Friday)". */
    static String howOften(Reminders.Plan plan) {
        int n = plan.times().size();
        String perDay = n == 1 ? "Once a day" : n == 2 ? "Twice a day" : n + " times a day";
        if (plan.daysPerWeek() >= 7) {
            return perDay + ", every day";
        }
        List<DayOfWeek> days = ReminderCalendar.days(plan.daysPerWeek());
        List<String> names = days.stream().map(d -> d.getDisplayName(TextStyle.FULL, Locale.UK)).toList();
        String which = plan.daysPerWeek() == 5 ? "Monday to Friday" : plan.daysPerWeek() == 6 ? "Monday to Saturday"
                : names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
        return perDay + ", " + plan.daysPerWeek() + (plan.daysPerWeek() == 1 ? " day" : " days") + " a week ("
                + which + ")";
    }
}
