package org.homestretch.checkin;

import jakarta.servlet.http.HttpServletResponse;
import org.homestretch.base.EmergencyNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

import java.util.Arrays;
import java.util.List;

/**
 * The phone page while the database cannot be reached. Everything on it comes from the post
 * itself, so it renders without the database: the answers as the patient gave them, and the
 * same idempotency key, so that pressing "Try again" after the break counts the session once.
 */
final class PatientPageOutage {

    static final String NOT_SAVED = "We could not save just now. Your answers are still here. Try again in a minute.";
    static final String NOT_OPENED = "We cannot open your exercises just now. Please try again in a minute.";

    private static final Logger log = LoggerFactory.getLogger(PatientPageOutage.class);

    private PatientPageOutage() {
    }

    /** @param form the post as the patient sent it, or null when there was no check-in to keep */
    static String page(PatientPageForm form, Throwable cause, Model model, HttpServletResponse response) {
        // The exception's type only: its message could hold SQL or values.
        log.warn("Phone page answered 503, database not reachable: {}", cause.getClass().getSimpleName());
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, "30");
        model.addAttribute("form", form);
        model.addAttribute("message", form == null ? NOT_OPENED : NOT_SAVED);
        model.addAttribute("clinicPhone", "");
        model.addAttribute("outOfHoursPhone", "");
        // The clinic's country is in the database too: the number that works in most countries.
        model.addAttribute("emergencyNumber", EmergencyNumber.FALLBACK);
        PatientPages.warningQuestions(model);
        model.addAttribute("difficulties", options(Difficulty.values()));
        model.addAttribute("reasons", options(SkipReason.values()));
        return "patient/unsaved";
    }

    private static <E extends Enum<E> & Labelled> List<PatientPages.Option> options(E[] values) {
        return Arrays.stream(values).map(v -> new PatientPages.Option(v.name(), v.label())).toList();
    }
}
