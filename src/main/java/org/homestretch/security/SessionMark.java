package org.homestretch.security;

import jakarta.servlet.http.HttpSession;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * Kept in a signed-in HTTP session: whose it is, the account's session epoch at sign-in, and
 * when the user last did something (heartbeats and the logoff timer's own questions do not
 * count). Read by {@link SessionGuard} on every request.
 */
final class SessionMark implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final String ATTRIBUTE = SessionMark.class.getName();

    final UserId userId;
    final int epoch;
    private volatile Instant lastActivity;

    private SessionMark(UserId userId, int epoch, Instant signedInAt) {
        this.userId = userId;
        this.epoch = epoch;
        this.lastActivity = signedInAt;
    }

    static SessionMark of(HttpSession session) {
        return session == null ? null : (SessionMark) session.getAttribute(ATTRIBUTE);
    }

    static void put(HttpSession session, UserId userId, int epoch, Instant now) {
        session.setAttribute(ATTRIBUTE, new SessionMark(userId, epoch, now));
    }

    Instant lastActivity() {
        return lastActivity;
    }

    void active(Instant now) {
        if (now.isAfter(lastActivity)) {
            lastActivity = now;
        }
    }
}
