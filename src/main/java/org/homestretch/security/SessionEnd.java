package org.homestretch.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a signed-in session was ended, and the sentence the login page shows for it. The reason
 * travels to the login page in a short-lived cookie, because a session that has just ended
 * cannot carry it, and Vaadin reloads the page on its own when it finds its session gone.
 * The sentences never say what was changed.
 */
enum SessionEnd {
    ACCOUNT_CHANGED("You were signed out because an admin changed your account. "
            + "Sign in again, or ask your clinic admin if you cannot."),
    PASSWORD_CHANGED("You were signed out because your password was changed. Sign in with the new password."),
    SIGNED_OUT("You were signed out because you logged out in another window or on another device."),
    IDLE("You were signed out after %d minutes without activity. Nothing you saved is lost.");

    static final String COOKIE = "HS_SIGNED_OUT";
    /** Long enough to reach the login page, short enough not to greet the next person. */
    private static final int COOKIE_SECONDS = 30 * 60;

    private final String message;

    SessionEnd(String message) {
        this.message = message;
    }

    String message(int idleMinutes) {
        return this == IDLE ? message.formatted(idleMinutes) : message;
    }

    /** Leaves the reason for the login page; for {@link #IDLE} with the clinic's minutes. */
    void tell(HttpServletRequest request, HttpServletResponse response, int idleMinutes) {
        response.addCookie(cookie(request, name() + "." + idleMinutes, COOKIE_SECONDS));
    }

    /** The sentence for the reason left in this request's cookie, if any. */
    static Optional<String> noticeIn(Cookie[] cookies) {
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).findFirst()
                .flatMap(c -> parse(c.getValue()));
    }

    /** A cookie that removes the reason once shown. */
    static Cookie forget(HttpServletRequest request) {
        return cookie(request, "", 0);
    }

    private static Optional<String> parse(String value) {
        int dot = value == null ? -1 : value.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            SessionEnd end = valueOf(value.substring(0, dot));
            int minutes = Integer.parseInt(value.substring(dot + 1));
            return Optional.of(end.message(Math.clamp(minutes, 1, 24 * 60)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        String path = request.getContextPath();
        cookie.setPath(path == null || path.isEmpty() ? "/" : path);
        cookie.setMaxAge(maxAge);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
