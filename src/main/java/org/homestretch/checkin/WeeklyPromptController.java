package org.homestretch.checkin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.homestretch.base.DatabaseUnreachable;
import org.homestretch.base.FieldProblem;
import org.homestretch.outcome.OutcomeException;
import org.homestretch.outcome.WeeklyQuestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers to the weekly outcome question on the phone page ({@link WeeklyPrompt}). Like the
 * check-in form: who the patient is comes only from the session cookie, a resend stores
 * nothing twice, and while the database is down the answers come back on the page to send again.
 */
@Controller
class WeeklyPromptController {

    static final String ANSWER_ALL = "Please answer each question, or press \u201cNot now\u201d.";

    private static final Logger log = LoggerFactory.getLogger(WeeklyPromptController.class);

    private final PatientSignIn signIn;
    private final WeeklyQuestion weekly;
    private final PatientPages pages;
    private final CheckinService checkins;

    WeeklyPromptController(PatientSignIn signIn, WeeklyQuestion weekly, PatientPages pages, CheckinService checkins) {
        this.signIn = signIn;
        this.weekly = weekly;
        this.pages = pages;
        this.checkins = checkins;
    }

    @PostMapping("/p/weekly")
    String answer(@CookieValue(name = PatientPageController.COOKIE, required = false) String session,
                  @RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        // The same headers as every phone page: no caching, no address leaking to other sites.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        if (PatientPageController.crossSite(request)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "patient/gone";
        }
        LocalDate due = date(form.getFirst("due"));
        Map<String, Integer> chosen = chosen(form);
        try {
            Optional<PatientContext> found = signIn.resolve(session);
            if (found.isEmpty()) {
                response.setStatus(HttpStatus.FORBIDDEN.value());
                return "patient/gone";
            }
            PatientContext patient = found.get();
            if (due == null) {
                return "redirect:/p/today";
            }
            if ("later".equals(form.getFirst("answer"))) {
                WeeklyQuestion.Result result = weekly.putOff(patient.clinicId(), patient.patientId(), patient.zone(), due);
                return "redirect:/p/today?weekly=" + (result == WeeklyQuestion.Result.PUT_OFF ? "later" : "already");
            }
            List<Integer> activities = new ArrayList<>();
            for (int i = 0; i < WeeklyPrompt.MAX_ACTIVITIES; i++) {
                activities.add(chosen.get("activity" + i));
            }
            try {
                WeeklyQuestion.Result result = weekly.answer(patient.clinicId(), patient.patientId(), patient.zone(),
                        due, chosen.get("nprs"), activities);
                return "redirect:/p/today?weekly=" + (result == WeeklyQuestion.Result.SAVED ? "saved" : "already");
            } catch (OutcomeException refused) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                Map<String, String> errors = new HashMap<>();
                for (FieldProblem p : refused.problems()) {
                    errors.putIfAbsent(p.field(), p.message());
                }
                String view = pages.day(patient, checkins.fillableDays(patient).getFirst(), null, Map.of(), null,
                        model, response);
                model.addAttribute("weeklyNotice", "");
                model.addAttribute("weekly", WeeklyPrompt.view(due.toString(), labels(form), chosen, errors, ANSWER_ALL));
                return view;
            }
        } catch (RuntimeException failed) {
            if (!DatabaseUnreachable.causedBy(failed)) {
                throw failed;
            }
            // Built from the post alone: the answers stay, to send again when the connection is back.
            log.warn("Weekly question answered 503, database not reachable: {}", failed.getClass().getSimpleName());
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, "30");
            model.addAttribute("weeklyNotice", "");
            model.addAttribute("weekly", WeeklyPrompt.view(due == null ? "" : due.toString(), labels(form), chosen,
                    Map.of(), PatientPageOutage.NOT_SAVED));
            return "patient/weekly";
        }
    }

    /** The activities' names as the page sent them: only to show the question again, never stored. */
    private static List<String> labels(MultiValueMap<String, String> form) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < WeeklyPrompt.MAX_ACTIVITIES; i++) {
            String label = form.getFirst("label" + i);
            if (label == null || label.isBlank()) {
                break;
            }
            labels.add(label.length() > 80 ? label.substring(0, 80) : label);
        }
        return labels;
    }

    private static Map<String, Integer> chosen(MultiValueMap<String, String> form) {
        Map<String, Integer> chosen = new HashMap<>();
        List<String> names = new ArrayList<>(List.of("nprs"));
        for (int i = 0; i < WeeklyPrompt.MAX_ACTIVITIES; i++) {
            names.add("activity" + i);
        }
        for (String name : names) {
            String value = form.getFirst(name);
            if (value != null && value.matches("\\d{1,2}")) {
                chosen.put(name, Integer.parseInt(value));
            }
        }
        return chosen;
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
