package org.homestretch.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;

/**
 * Ends every live session of an account at once, on every server: each session is refused on
 * its next request ({@link SessionGuard}) and its login page says why, without details.
 * Used when an admin disables an account or changes its role, when a password is reset or
 * changed, and at logout.
 */
@Service
public class SessionRevocation {

    private final SessionRepository sessions;
    private final CurrentUser currentUser;
    private final Clock clock;

    SessionRevocation(SessionRepository sessions, CurrentUser currentUser, Clock clock) {
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Ends all sessions of this account, the caller's own included if it is theirs; the login
     * page then says an admin changed the account. For an admin's reset of someone's password.
     */
    @Transactional
    public void endSessionsOf(UserId userId) {
        end(userId, SessionEnd.ACCOUNT_CHANGED);
    }

    /**
     * After the signed-in user changed their own password: ends their other sessions (whose
     * login page says the password was changed) and keeps this one signed in.
     */
    @Transactional
    public void endOtherSessionsOfCurrentUser() {
        SignedInUser user = currentUser.require();
        sessions.endSessions(user.userId(), SessionEnd.PASSWORD_CHANGED).ifPresent(epoch -> {
            HttpSession session = currentSession();
            if (session != null) {
                SessionMark.put(session, user.userId(), epoch, clock.instant());
            }
        });
    }

    void end(UserId userId, SessionEnd reason) {
        sessions.endSessions(userId, reason);
    }

    private static HttpSession currentSession() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getSession(false);
        }
        return null;
    }
}
