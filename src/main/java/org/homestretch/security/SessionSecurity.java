package org.homestretch.security;

import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import jakarta.servlet.DispatcherType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Session rules added to the security chain: the per-request check ({@link SessionGuard}),
 * logout ending every session of the account, and no session for a stray anonymous request.
 * Sessions that never sign in live a few minutes ({@code server.servlet.session.timeout});
 * signing in raises that to the clinic's logoff time.
 */
@Component
class SessionSecurity {

    private final SessionRepository sessions;
    private final SessionRevocation revocation;
    private final VaadinDefaultRequestCache requestCache;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SessionSecurity(SessionRepository sessions, SessionRevocation revocation, VaadinDefaultRequestCache requestCache,
                    Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.sessions = sessions;
        this.revocation = revocation;
        this.requestCache = requestCache;
        this.clock = clock;
    }

    void apply(HttpSecurity http) throws Exception {
        // After the headers are written, so that the timer's answers carry them too.
        http.addFilterAfter(new SessionGuard(sessions, clock, events), HeaderWriterFilter.class);
        http.addFilterAfter(new NoSessionForVaadinPaths(), SessionGuard.class);
        // Vaadin answers a heartbeat of an ended session with 403, and its page then reloads into the
        // login page. Without this the error page needed sign-in too, and the 403 became a redirect
        // the heartbeat followed as if all were well.
        http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll());
        http.logout(logout -> logout.addLogoutHandler((request, response, authentication) -> {
            if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
                revocation.end(user.userId(), SessionEnd.SIGNED_OUT);
                events.publishEvent(new SignInActivity(SignInActivity.Kind.SIGNED_OUT, user.clinicId(), user.userId(), ""));
            }
        }));
        // Vaadin's own paths are never a page to return to after sign-in: remembering one made
        // a session for every anonymous request to them.
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        requestCache.ignoreRequests(new OrRequestMatcher(paths.matcher("/VAADIN"), paths.matcher("/VAADIN/**"),
                paths.matcher(SessionGuard.STATUS_PATH)));
    }
}
