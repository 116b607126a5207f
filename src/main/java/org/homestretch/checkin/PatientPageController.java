package org.homestretch.checkin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.homestretch.base.DatabaseUnreachable;
import org.homestretch.base.ErrorReference;
import org.homestretch.base.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The patient's phone page: plain server-rendered HTML and forms that work without JavaScript,
 * holding no server state between requests. Who the patient is comes only from the session
 * cookie; nothing in a form or URL can point at another patient. The templates use plain
 * {@code action} attributes: Thymeleaf's {@code th:action} would add a CSRF token and with it an
 * HTTP session per phone.
 */
@Controller
class PatientPageController {

    static final String COOKIE = "hs_patient";

    private static final Logger log = LoggerFactory.getLogger(PatientPageController.class);

    private final PatientSignIn signIn;
    private final CheckinService checkins;
    private final PatientPages pages;
    private final WeeklyPrompt weeklyPrompt;

    PatientPageController(PatientSignIn signIn, CheckinService checkins, PatientPages pages, WeeklyPrompt weeklyPrompt) {
        this.weeklyPrompt = weeklyPrompt;
        this.signIn = signIn;
        this.checkins = checkins;
        this.pages = pages;
    }

    /** On every answer, redirects and errors included: no caching, and no address leaking to other sites. */
    @ModelAttribute
    void privacyHeaders(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
    }

    @GetMapping("/p")
    String codeForm(@CookieValue(name = COOKIE, required = false) String session,
                    @RequestParam(name = "out", required = false) String out, Model model) {
        if (signIn.resolve(session).isPresent()) {
            return "redirect:/p/today";
        }
        model.addAttribute("code", "");
        model.addAttribute("signedOut", out != null);
        return "patient/code";
    }

    @PostMapping("/p")
    String enterCode(@RequestParam(name = "code", defaultValue = "") String code, HttpServletRequest request,
                     HttpServletResponse response, Model model) {
        if (crossSite(request)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "patient/gone";
        }
        PatientSignIn.CodeResult result = signIn.withCode(code, request.getRemoteAddr());
        if (result instanceof PatientSignIn.CodeResult.Opened opened) {
            setCookie(response, request, opened.sessionId());
            return "redirect:/p/today";
        }
        model.addAttribute("code", code.length() > 20 ? code.substring(0, 20) : code);
        switch (result) {
            case PatientSignIn.CodeResult.Malformed m -> {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("codeError", "The code has 8 letters and numbers, like ACDE-3467. "
                        + "You find it on your exercise sheet, under the square barcode.");
            }
            case PatientSignIn.CodeResult.Wrong w -> {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("codeError", "This code does not work. Check it against your exercise sheet. "
                        + "If your sheet is old, ask your clinic for a new one.");
            }
            case PatientSignIn.CodeResult.Wait wait -> {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.duration().toSeconds()));
                model.addAttribute("codeError", "Too many wrong codes. Please wait " + minutes(wait.duration())
                        + " and try again, or call your clinic.");
            }
            case PatientSignIn.CodeResult.Opened o -> throw new IllegalStateException();
        }
        return "patient/code";
    }

    /**
     * The QR code's address. The token is swapped for a cookie at once and the phone sent to an
     * address without it, so it does not stay in the address bar or history.
     */
    @GetMapping("/p/{token}")
    String link(@PathVariable("token") String token, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        Optional<String> session = signIn.withToken(token);
        if (session.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("code", "");
            model.addAttribute("linkGone", true);
            return "patient/code";
        }
        setCookie(response, request, session.get());
        return "redirect:/p/today";
    }

    @GetMapping("/p/today")
    String today(@CookieValue(name = COOKIE, required = false) String session,
                 @RequestParam(name = "day", required = false) String day,
                 @RequestParam(name = "saved", required = false) String saved,
                 @RequestParam(name = "undone", required = false) String undone,
                 @RequestParam(name = "repeated", required = false) String repeated,
                 @RequestParam(name = "entry", required = false) String entry,
                 @RequestParam(name = "weekly", required = false) String weekly,
                 HttpServletResponse response, Model model) {
        Optional<PatientContext> patient = signIn.resolve(session);
        if (patient.isEmpty()) {
            return "redirect:/p";
        }
        LocalDate date = fillable(patient.get(), PatientPageForm.date(day));
        UUID checkin = PatientPageForm.uuid(entry);
        Notice notice;
        if (saved != null) {
            notice = new Notice(saved.equals("flag") ? "flag" : saved.equals("skip") ? "skip" : "saved", checkin);
        } else if (repeated != null) {
            notice = new Notice("repeated", checkin);
        } else {
            notice = undone != null ? new Notice("undone", null) : null;
        }
        weeklyPrompt.show(patient.get(), weekly, model);
        return pages.day(patient.get(), date, null, Map.of(), notice, model, response);
    }

    @PostMapping("/p/checkin")
    String checkin(@CookieValue(name = COOKIE, required = false) String session, PatientPageForm form,
                   HttpServletRequest request, HttpServletResponse response, Model model) {
        if (crossSite(request)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "patient/gone";
        }
        try {
            Optional<PatientContext> patient = signIn.resolve(session);
            if (patient.isEmpty()) {
                response.setStatus(HttpStatus.FORBIDDEN.value());
                return "patient/gone";
            }
            return save(patient.get(), form, response, model);
        } catch (RuntimeException failed) {
            // Also when finding the phone's session failed: the answers must not be lost on an error page.
            if (DatabaseUnreachable.causedBy(failed)) {
                return PatientPageOutage.page(form, failed, model, response);
            }
            throw failed;
        }
    }

    private String save(PatientContext patient, PatientPageForm form, HttpServletResponse response, Model model) {
        CheckinEntry entry = form.toEntry();
        LocalDate shown = fillable(patient, entry.date());
        try {
            CheckinService.Recorded recorded = checkins.record(patient, entry);
            String outcome = recorded.repeated() ? "repeated=1"
                    : "saved=" + (recorded.checkin().redFlag() ? "flag" : recorded.checkin().done() ? "done" : "skip");
            return "redirect:/p/today?day=" + recorded.checkin().date() + "&" + outcome + "&entry=" + recorded.checkin().id();
        } catch (CheckinException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            Map<String, String> errors = new HashMap<>();
            for (FieldProblem p : refused.problems()) {
                errors.putIfAbsent(p.field() == null ? "form" : p.field(), p.message());
            }
            return pages.day(patient, shown, form, errors, null, model, response);
        } catch (DataAccessException failed) {
            if (DatabaseUnreachable.causedBy(failed)) {
                throw failed;
            }
            // Reachable but the save failed (a conflict, say). The same key goes back with the
            // form, so pressing again cannot count the session twice.
            log.warn("Check-in not saved: {}", failed.getClass().getSimpleName());
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            return pages.day(patient, shown, form, Map.of("form", PatientPageOutage.NOT_SAVED), null, model, response);
        }
    }

    /** Any other page while the database is down: a plain "try again", never the staff sign-in page. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    String unreachable(RuntimeException failed, HttpServletResponse response, Model model) {
        if (!DatabaseUnreachable.causedBy(failed)) {
            // Rethrowing from here would skip base.WebErrors: give the same reference page instead.
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("reference", ErrorReference.log(log, "a web page", failed));
            return "error-reference";
        }
        return PatientPageOutage.page(null, failed, model, response);
    }

    @PostMapping("/p/undo")
    String undo(@CookieValue(name = COOKIE, required = false) String session,
                @RequestParam(name = "id", defaultValue = "") String id,
                @RequestParam(name = "day", required = false) String day,
                HttpServletRequest request, HttpServletResponse response) {
        Optional<PatientContext> patient = signIn.resolve(session);
        if (patient.isEmpty() || crossSite(request)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "patient/gone";
        }
        LocalDate date = fillable(patient.get(), PatientPageForm.date(day));
        boolean undone;
        try {
            undone = checkins.undo(patient.get(), UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            undone = false;
        }
        return "redirect:/p/today?day=" + date + (undone ? "&undone=1" : "");
    }

    @PostMapping("/p/leave")
    String leave(@CookieValue(name = COOKIE, required = false) String session, HttpServletRequest request,
                 HttpServletResponse response) {
        if (!crossSite(request)) {
            signIn.signOut(session);
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString());
            return "redirect:/p?out=1";
        }
        return "redirect:/p";
    }

    /** A day the patient may fill in; anything else shows today. */
    private LocalDate fillable(PatientContext patient, LocalDate asked) {
        List<LocalDate> days = checkins.fillableDays(patient);
        return asked != null && days.contains(asked) ? asked : days.getFirst();
    }

    private static void setCookie(HttpServletResponse response, HttpServletRequest request, String sessionId) {
        response.addHeader(HttpHeaders.SET_COOKIE,
                cookie(request, sessionId, PatientSignIn.IDLE_LIMIT).toString());
    }

    /** Lax, not Strict: Strict would drop the cookie on the redirect when the link comes from an email or a chat app. */
    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .path("/p")
                .maxAge(maxAge)
                .build();
    }

    /**
     * Refuses form posts from other sites. SameSite=Lax already keeps the cookie off them; this
     * also stops another site from signing a phone into someone else's code.
     */
    static boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return fetchSite.equals("cross-site");
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || origin.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader(HttpHeaders.HOST);
            String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host == null || !host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static String minutes(Duration d) {
        long minutes = Math.max(1, (d.toSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    /**
     * A message at the top of the page after a redirect. {@code checkin} is the entry it is about:
     * after an undo, going back to this address must not say "saved" again.
     */
    record Notice(String kind, UUID checkin) {
        boolean stillTrue(DayPlan plan) {
            return checkin == null ? kind.equals("undone") : plan.holds(checkin);
        }
    }
}
