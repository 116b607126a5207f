package org.homestretch.security;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import java.util.Optional;

/** Sign-in for therapists and admins. Spring Security handles the form post to /login. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · HomeStretch")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    static final String WRONG_CREDENTIALS_TITLE = "Email or password not recognised";
    static final String WRONG_CREDENTIALS_MESSAGE =
            "Check both and try again. After many wrong tries sign-in pauses for 15 minutes. If it stays refused, ask your clinic admin.";

    private final LoginForm form = new LoginForm();
    private final SignInAttempts attempts;
    private final SignedOutNotice signedOut = new SignedOutNotice();

    LoginView(SignInAttempts attempts) {
        this.attempts = attempts;
        addClassName("hs-login");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(texts());

        H1 title = new H1("HomeStretch");
        title.addClassName("hs-login-title");
        Paragraph tagline = new Paragraph("Home exercise programs your patients can follow.");
        tagline.addClassName("hs-login-tagline");
        add(title, tagline, signedOut, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        LoginI18n texts = texts();
        boolean failed = SignInNotice.apply(texts, event.getLocation(), attempts);
        form.setI18n(texts);
        form.setError(failed);
        signedOut.refresh();
        VaadinSession session = VaadinSession.getCurrent();
        Optional<String> email = SignInFailureHandler.takeLastEmail(session == null ? null : session.getSession());
        if (failed) {
            email.ifPresent(this::fillInEmail);
        }
    }

    /**
     * The form draws its fields itself, in the browser; fill in the email once they exist, and put
     * the cursor in the password field, which is what needs typing again.
     */
    private void fillInEmail(String email) {
        form.getElement().executeJs("""
                const form = this;
                customElements.whenDefined('vaadin-login-form').then(() => form.updateComplete).then(() => {
                  const username = form.querySelector('#vaadinLoginUsername');
                  const password = form.querySelector('#vaadinLoginPassword');
                  if (username && !username.value) {
                    username.value = $0;
                    if (password) {
                      requestAnimationFrame(() => password.focus());
                    }
                  }
                });""", email);
    }

    private static LoginI18n texts() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Email");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle(WRONG_CREDENTIALS_TITLE);
        i18n.getErrorMessage().setMessage(WRONG_CREDENTIALS_MESSAGE);
        return i18n;
    }
}
