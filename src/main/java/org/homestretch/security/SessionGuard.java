package org.homestretch.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.ApplicationEventPublisher;
import org.homestretch.base.DatabaseUnreachable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs on every request of a signed-in session, before anything else looks at it, and ends the
 * session when its account moved to a new epoch (disabled, role changed, password reset,
 * logged out elsewhere) or when the user has done nothing for the clinic's logoff time. An
 * ended session is invalidated and the request goes on as an anonymous one: a page or a PDF is
 * sent to the login page, a Vaadin request finds its session gone and reloads into it.
 * <p>
 * Checked against the database on each request rather than held in one server's memory, so a
 * change made on one server ends the session on every server at once.
 */
final class SessionGuard extends OncePerRequestFilter {

    /** Asked by the logoff timer in the page; does not count as activity. */
    static final String STATUS_PATH = "/session-status";

    private final SessionRepository sessions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SessionGuard(SessionRepository sessions, Clock clock, ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.clock = clock;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean statusRequest = STATUS_PATH.equals(path(request));
        HttpSession session = request.getSession(false);
        SessionMark mark;
        Optional<Duration> remaining = Optional.empty();
        try {
            mark = markOrSignedIn(session, request, response);
            if (mark != null) {
                remaining = check(session, mark, request, response);
            }
        } catch (RuntimeException e) {
            if (!DatabaseUnreachable.causedBy(e)) {
                throw e;
            }
            // Database down: nothing can be read or written anyway, so let the request meet the
            // calm "try again" message instead of an error page. Not counted as activity; the
            // checks run again on the first request after the database is back.
            if (statusRequest) {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        if (mark != null) {
            if (remaining.isPresent() && statusRequest) {
                answer(response, "{\"remaining\":" + remaining.get().toSeconds() + "}");
                return;
            }
            if (remaining.isPresent() && isActivity(request)) {
                mark.active(clock.instant());
            }
        }
        if (statusRequest) {
            answer(response, "{\"signIn\":\"" + request.getContextPath() + "/login\"}");
            return;
        }
        chain.doFilter(request, response);
        // The sign-in form was just posted, or another way of signing in finished.
        markOrSignedIn(request.getSession(false), request, response);
    }

    /**
     * The mark of the signed-in user's session; a new one for a session that signed in during
     * this request or the last one (or signed in again as someone else). Null when not signed in.
     */
    private SessionMark markOrSignedIn(HttpSession session, HttpServletRequest request, HttpServletResponse response) {
        if (session == null) {
            return null;
        }
        try {
            Optional<SignedInUser> user = signedInUser(session);
            if (user.isEmpty()) {
                return null;
            }
            SessionMark mark = SessionMark.of(session);
            if (mark != null && mark.userId.equals(user.get().userId())) {
                return mark;
            }
            Optional<SessionRepository.AccountState> state = sessions.state(user.get().userId());
            if (state.isEmpty() || !state.get().enabled() || state.get().role() != user.get().role()) {
                // Changed between reading the account at sign-in and now.
                end(session, SessionEnd.ACCOUNT_CHANGED, 0, request, response);
                return null;
            }
            SessionMark.put(session, user.get().userId(), state.get().epoch(), clock.instant());
            session.setMaxInactiveInterval(state.get().idleMinutes() * 60);
            return SessionMark.of(session);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    /** Time left before automatic logoff, or empty when the session was ended here. */
    private Optional<Duration> check(HttpSession session, SessionMark mark, HttpServletRequest request,
                                     HttpServletResponse response) {
        Optional<SessionRepository.AccountState> found = sessions.state(mark.userId);
        if (found.isEmpty()) {
            end(session, SessionEnd.ACCOUNT_CHANGED, 0, request, response);
            return Optional.empty();
        }
        SessionRepository.AccountState state = found.get();
        if (state.epoch() != mark.epoch || !state.enabled()) {
            end(session, state.epoch() != mark.epoch ? state.lastEnd() : SessionEnd.ACCOUNT_CHANGED,
                    state.idleMinutes(), request, response);
            return Optional.empty();
        }
        Duration limit = Duration.ofMinutes(state.idleMinutes());
        Instant now = clock.instant();
        // A clock set back (tests, or a corrected server clock) never counts as idle time.
        Duration idle = now.isBefore(mark.lastActivity()) ? Duration.ZERO : Duration.between(mark.lastActivity(), now);
        if (idle.compareTo(limit) >= 0) {
            // Told before the session goes: its sign-in names the clinic.
            signedInUser(session).ifPresent(user -> events.publishEvent(new SignInActivity(
                    SignInActivity.Kind.LOGGED_OFF_IDLE, user.clinicId(), user.userId(),
                    "after " + state.idleMinutes() + " minutes without activity")));
            end(session, SessionEnd.IDLE, state.idleMinutes(), request, response);
            return Optional.empty();
        }
        if (session.getMaxInactiveInterval() != limit.toSeconds()) {
            // The clinic changed its logoff time: abandoned sessions follow it too.
            session.setMaxInactiveInterval((int) limit.toSeconds());
        }
        return Optional.of(limit.minus(idle));
    }

    private static void end(HttpSession session, SessionEnd reason, int idleMinutes, HttpServletRequest request,
                            HttpServletResponse response) {
        reason.tell(request, response, idleMinutes);
        SecurityContextHolder.clearContext();
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyGone) {
            // Ended by a request running at the same time.
        }
    }

    private static Optional<SignedInUser> signedInUser(HttpSession session) {
        Object stored = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (stored instanceof SecurityContext context) {
            Authentication authentication = context.getAuthentication();
            if (authentication != null && authentication.isAuthenticated()
                    && authentication.getPrincipal() instanceof SignedInUser user) {
                return Optional.of(user);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the request was made by someone using the app. Vaadin's heartbeat only says that
     * a tab is open, and the logoff timer's question must not answer itself.
     */
    static boolean isActivity(HttpServletRequest request) {
        return !STATUS_PATH.equals(path(request))
                && !"heartbeat".equals(queryParameter(request.getQueryString(), "v-r"));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Read from the query string only: reading parameters could consume a posted body. */
    private static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    private static void answer(HttpServletResponse response, String json) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
