package org.homestretch.security;

import com.vaadin.flow.server.WrappedSession;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import java.io.IOException;
import java.util.Optional;

/**
 * After a failed sign-in, back to {@code /login?error} as before, but the email typed is kept in
 * the server-side session so the login page can fill it in again. Never in the address: it would
 * end up in the browser history and in access logs.
 */
class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    private static final String LAST_EMAIL = SignInFailureHandler.class.getName() + ".email";
    /** The longest email address there can be; anything longer is not worth keeping. */
    private static final int MAX_EMAIL_LENGTH = 254;

    SignInFailureHandler(String failureUrl) {
        super(failureUrl);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        String email = request.getParameter("username");
        if (email != null && !email.isBlank() && email.length() <= MAX_EMAIL_LENGTH) {
            request.getSession().setAttribute(LAST_EMAIL, email.strip());
        }
        super.onAuthenticationFailure(request, response, exception);
    }

    /** The email of the last failed sign-in in this session, once: reading it forgets it. */
    static Optional<String> takeLastEmail(WrappedSession session) {
        if (session == null) {
            return Optional.empty();
        }
        Object email = session.getAttribute(LAST_EMAIL);
        session.removeAttribute(LAST_EMAIL);
        return Optional.ofNullable(email).map(Object::toString);
    }
}
