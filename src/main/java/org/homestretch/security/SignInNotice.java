package org.homestretch.security;

import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.server.VaadinRequest;

import java.time.Duration;

/**
 * What the login page says after a refused sign-in. A wrong password, an unknown email and a
 * locked account read the same; only a client that has to wait is told how long, which says
 * nothing about any account.
 */
final class SignInNotice {

    static final String SIGN_IN_AGAIN_TITLE = "Please sign in again";
    static final String SIGN_IN_AGAIN_MESSAGE =
            "This page was open for a long time. Type your email and password once more.";

    private SignInNotice() {
    }

    /** Whether the page shows a message, after filling in the texts for it. */
    static boolean apply(LoginI18n texts, Location location, SignInAttempts attempts) {
        var parameters = location.getQueryParameters().getParameters();
        if (parameters.containsKey("error")) {
            VaadinRequest request = VaadinRequest.getCurrent();
            Duration wait = attempts.waitFor(ClientAddress.key(request == null ? null : request.getRemoteAddr()));
            if (wait.isPositive()) {
                texts.getErrorMessage().setMessage(waitMessage(wait) + " If it stays refused, ask your clinic admin.");
            }
            return true;
        }
        if (parameters.containsKey("again")) {
            texts.getErrorMessage().setTitle(SIGN_IN_AGAIN_TITLE);
            texts.getErrorMessage().setMessage(SIGN_IN_AGAIN_MESSAGE);
            return true;
        }
        return false;
    }

    static String waitMessage(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 120) {
            return "Please wait " + seconds + (seconds == 1 ? " second" : " seconds") + " before trying again.";
        }
        return "Please wait " + ((seconds + 59) / 60) + " minutes before trying again.";
    }
}
